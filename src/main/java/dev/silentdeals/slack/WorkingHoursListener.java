package dev.silentdeals.slack;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.silentdeals.nudges.RepWorkingHours;
import dev.silentdeals.nudges.WorkingHours;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rep's working hours from the App Home: *Change* opens the form, saving stores them (every message from
 * silent-deals then waits for them) and refreshes the Home tab. Problems show in the form.
 */
class WorkingHoursListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(WorkingHoursListener.class);

    private final RepWorkingHours hours;
    private final RepDirectory reps;
    private final Modals modals;
    private final AppHome home;
    private final SlackGateway gateway;
    private final Texts texts;
    private final ZoneId fallbackZone;
    private final AfterAck afterAck;

    WorkingHoursListener(RepWorkingHours hours, RepDirectory reps, Modals modals, AppHome home, SlackGateway gateway,
                         Texts texts, ZoneId fallbackZone, AfterAck afterAck) {
        this.hours = hours;
        this.reps = reps;
        this.modals = modals;
        this.home = home;
        this.gateway = gateway;
        this.texts = texts;
        this.fallbackZone = fallbackZone;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(ActionIds.OPEN_HOURS, this::open);
        app.viewSubmission(ActionIds.HOURS_MODAL, this::save);
    }

    private Response open(BlockActionRequest req, ActionContext ctx) {
        String team = req.getPayload().getTeam().getId();
        String userId = req.getPayload().getUser().getId();
        String triggerId = req.getPayload().getTriggerId();
        afterAck.modal("open the working hours form for " + userId, () -> {
            ZoneId zone = reps.findByUserId(team, userId).map(Rep::timeZone).orElse(fallbackZone);
            gateway.openView(team, triggerId, modals.workingHours(hours.of(team, userId), zone));
        });
        return ctx.ack();
    }

    private Response save(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = req.getPayload();
        String team = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        ViewValues values = new ViewValues(payload.getView().getState());
        LocalTime start = values.time(Modals.HOURS_START);
        LocalTime end = values.time(Modals.HOURS_END);
        List<String> days = values.checked(Modals.HOURS_DAYS);
        Map<String, String> errors = new LinkedHashMap<>();
        if (start == null) {
            errors.put(Modals.HOURS_START, texts.plain("hoursModal.error.time"));
        }
        if (end == null) {
            errors.put(Modals.HOURS_END, texts.plain("hoursModal.error.time"));
        } else if (start != null && !end.isAfter(start)) {
            errors.put(Modals.HOURS_END, texts.plain("hoursModal.error.endBeforeStart"));
        }
        if (days.isEmpty()) {
            errors.put(Modals.HOURS_DAYS, texts.plain("hoursModal.error.noDays"));
        }
        if (!errors.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(errors));
        }
        try {
            WorkingHours chosen = WorkingHours.parse(start + "-" + end, String.join(",", days));
            hours.save(team, userId, chosen);
            log.info("{} set their working hours to {} {}", userId, chosen.windowSpec(), chosen.daysSpec());
        } catch (IllegalArgumentException e) {
            log.warn("Working hours form from {} could not be read ({}); nothing saved", userId, e.getMessage());
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.HOURS_DAYS,
                    texts.plain("somethingWrong"))));
        }
        afterAck.followUp("publish the App Home of " + userId, () -> home.publish(team, userId));
        return ctx.ack();
    }
}
