package dev.silentdeals.silence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import org.springframework.stereotype.Service;

/**
 * Parks a deal until a date, or resumes it. Only the owner may. A paused deal is never nudged; on the
 * resume date it is judged afresh, so it is only nudged again if it is still silent then.
 */
@Service
public class Pausing {

    private final DealStore deals;
    private final PauseStore pauses;
    private final RepDirectory reps;
    private final Clock clock;

    Pausing(DealStore deals, PauseStore pauses, RepDirectory reps, Clock clock) {
        this.deals = deals;
        this.pauses = pauses;
        this.reps = reps;
        this.clock = clock;
    }

    public PauseResult pause(String team, String dealId, String userId, String reason, LocalDate until, String note) {
        Optional<StoredDeal> stored = deals.find(team, dealId);
        if (stored.isEmpty() || !stored.get().deal().isOpen()) {
            return PauseResult.NO_SUCH_DEAL;
        }
        Optional<Rep> owner = reps.find(team, stored.get().deal().ownerEmail());
        if (owner.isEmpty() || !owner.get().userId().equals(userId)) {
            return PauseResult.NOT_OWNER;
        }
        ZoneId zone = owner.get().timeZone();
        if (!until.isAfter(LocalDate.ofInstant(clock.instant(), zone))) {
            return PauseResult.DATE_NOT_AHEAD;
        }
        pauses.pause(team, new Pause(dealId, reason, note, until, userId, clock.instant()));
        return PauseResult.PAUSED;
    }

    public PauseResult resume(String team, String dealId, String userId) {
        Optional<StoredDeal> stored = deals.find(team, dealId);
        if (stored.isEmpty()) {
            return PauseResult.NO_SUCH_DEAL;
        }
        if (!reps.isOwner(team, userId, stored.get().deal().ownerEmail())) {
            return PauseResult.NOT_OWNER;
        }
        return pauses.resume(team, dealId) ? PauseResult.RESUMED : PauseResult.NOT_PAUSED;
    }
}
