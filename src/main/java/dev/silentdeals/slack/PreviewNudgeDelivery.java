package dev.silentdeals.slack;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.silentdeals.nudges.FollowUpKind;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.NudgeDelivery;
import dev.silentdeals.nudges.Revisit;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.texts.Texts;

/**
 * Preview mode: prints each message it would send (rep, deal, why, the script) to standard output, at once,
 * and says when Slack would have delivered it. Every line comes from the texts.
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
        StringBuilder text = new StringBuilder("\n").append(rule("preview.rule.nudge", nudge.rep(), nudge.dealId()))
                .append(facts(nudge))
                .append(texts.plain("nudge.reframe")).append("\n\n")
                .append(script(nudge))
                .append(texts.plain("preview.buttons")).append('\n')
                .append(when("preview.when", nudge.rep())).append('\n');
        return print(text, nudge.rep());
    }

    @Override
    public Delivered deliverFollowUp(FollowUpKind kind, Nudge nudge) {
        Map<String, Object> values = Map.of("company", nudge.company(), "contactFirstName", firstName(nudge));
        String prefix = kind == FollowUpKind.STEP_BACK ? "stepBack" : "reminder";
        StringBuilder text = new StringBuilder("\n").append(rule("preview.rule." + kind.name(), nudge.rep(),
                        nudge.dealId()))
                .append(texts.plain(prefix + ".text", values)).append("\n\n");
        if (kind == FollowUpKind.STEP_BACK) {
            text.append(script(nudge));
        }
        text.append(texts.plain("preview.buttons")).append('\n')
                .append(texts.plain(prefix + ".context")).append('\n')
                .append(when("preview.whenOnce", nudge.rep())).append('\n');
        return print(text, nudge.rep());
    }

    @Override
    public Delivered deliverRevisit(Revisit revisit) {
        Map<String, Object> values = new HashMap<>();
        values.put("contactFirstName", revisit.contact().firstName().isEmpty() ? revisit.company()
                : revisit.contact().firstName());
        values.put("nextStep", revisit.nextStep());
        StringBuilder text = new StringBuilder("\n").append(rule("preview.rule.revisit", revisit.rep(),
                        revisit.dealId()))
                .append(texts.plain("revisit.header", Map.of("company", revisit.company()))).append('\n')
                .append(texts.plain("revisit.text." + revisit.outcome().name(), values)).append("\n\n")
                .append("  \"").append(revisit.script()).append("\"\n");
        if (revisit.contact().hasPhone()) {
            text.append(texts.plain("preview.phone", Map.of("phone", revisit.contact().phone()))).append('\n');
        }
        text.append(when("preview.whenOnce", revisit.rep())).append('\n');
        return print(text, revisit.rep());
    }

    private String rule(String key, Rep rep, String dealId) {
        return texts.plain(key, Map.of("repName", rep.realName(), "repEmail", rep.email(), "dealId", dealId)) + "\n";
    }

    private String facts(Nudge nudge) {
        Map<String, Object> why = new HashMap<>();
        why.put("followUps", texts.count("followUps", nudge.chaseCount()));
        why.put("quietDays", texts.count("businessDays", nudge.quietDays()));
        why.put("contactFirstName", firstName(nudge));
        why.put("lastReplyDate", nudge.lastReplyDate() == null ? texts.plain("nudge.unknownDate")
                : NudgeMessages.DATE.format(nudge.lastReplyDate()));
        return texts.plain("nudge.header", Map.of("company", nudge.company())) + " · " + nudge.contact().name()
                + (nudge.stage().isEmpty() ? "" : " · " + nudge.stage())
                + (nudge.amount() == null ? "" : " · " + nudge.amount()) + "\n"
                + texts.plain("nudge.why", why) + "\n";
    }

    private String script(Nudge nudge) {
        StringBuilder text = new StringBuilder(texts.plain("preview.callScript")).append("\n  \"")
                .append(nudge.script().call()).append("\"\n");
        if (nudge.contact().hasPhone()) {
            text.append(texts.plain("preview.phone", Map.of("phone", nudge.contact().phone()))).append('\n');
        }
        return text.toString();
    }

    private String when(String key, Rep rep) {
        return texts.plain(key, Map.of("repFirstName", rep.firstName(), "hours", workingHours,
                "zone", rep.timeZone().getId()));
    }

    private static String firstName(Nudge nudge) {
        return nudge.contact().firstName().isEmpty() ? nudge.company() : nudge.contact().firstName();
    }

    private Delivered print(CharSequence text, Rep rep) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
        return new Delivered("preview-" + rep.userId(), String.valueOf(sequence.incrementAndGet()));
    }
}
