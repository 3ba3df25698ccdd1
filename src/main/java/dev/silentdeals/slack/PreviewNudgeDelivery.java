package dev.silentdeals.slack;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.NudgeDelivery;
import dev.silentdeals.texts.Texts;

/**
 * Preview mode: prints each nudge it would send (rep, deal, why, the script) to standard output, at once,
 * and says when Slack would have delivered it.
 */
class PreviewNudgeDelivery implements NudgeDelivery {

    private final Texts texts;
    private final PrintStream out;
    private final String workingHours;
    private final AtomicLong sequence = new AtomicLong();

    PreviewNudgeDelivery(Texts texts, PrintStream out, String workingHours) {
        this.texts = texts;
        this.out = out;
        this.workingHours = workingHours;
    }

    @Override
    public boolean respectsWorkingHours() {
        return false;
    }

    @Override
    public Delivered deliver(Nudge nudge) {
        Map<String, Object> why = new HashMap<>();
        why.put("followUps", texts.count("followUps", nudge.chaseCount()));
        why.put("quietDays", texts.count("businessDays", nudge.quietDays()));
        why.put("contactFirstName", nudge.contact().firstName().isEmpty() ? nudge.company() : nudge.contact().firstName());
        why.put("lastReplyDate", nudge.lastReplyDate() == null ? "?" : NudgeMessages.DATE.format(nudge.lastReplyDate()));
        StringBuilder text = new StringBuilder()
                .append("\n──── NUDGE (preview) ─ to ").append(nudge.rep().realName()).append(" <")
                .append(nudge.rep().email()).append("> ─ deal ").append(nudge.dealId()).append(" ────\n")
                .append(texts.plain("nudge.header", Map.of("company", nudge.company()))).append(" · ")
                .append(nudge.contact().name()).append(nudge.stage().isEmpty() ? "" : " · " + nudge.stage())
                .append(nudge.amount() == null ? "" : " · " + nudge.amount()).append('\n')
                .append(texts.plain("nudge.why", why)).append('\n')
                .append(texts.plain("nudge.reframe")).append("\n\n")
                .append("Call script:\n  \"").append(nudge.script().call()).append("\"\n");
        if (nudge.contact().hasPhone()) {
            text.append("Phone: ").append(nudge.contact().phone()).append('\n');
        }
        text.append("[Record the truth] [Couldn't reach them] [They got back to me] [Pause…]\n")
                .append("(In Slack this arrives in ").append(nudge.rep().firstName()).append("'s working hours, ")
                .append(workingHours).append(' ').append(nudge.rep().timeZone().getId())
                .append(", at most a few a day.)\n");
        synchronized (out) {
            out.print(text);
            out.flush();
        }
        return new Delivered("preview-" + nudge.rep().userId(), String.valueOf(sequence.incrementAndGet()));
    }
}
