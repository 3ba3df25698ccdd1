package dev.silentdeals.nudges;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import org.springframework.stereotype.Component;

/** The deal store and detection, as the dispatchers read them. */
@Component
class StoredDealReads implements DealReads {

    private final DealStore deals;
    private final SilenceDetection detection;

    StoredDealReads(DealStore deals, SilenceDetection detection) {
        this.deals = deals;
        this.detection = detection;
    }

    @Override
    public Map<String, String> ownersOf(String team, Collection<String> dealIds) {
        return deals.ownersOf(team, dealIds);
    }

    @Override
    public List<StoredDeal> load(String team, Collection<String> dealIds) {
        return deals.load(team, dealIds);
    }

    @Override
    public Optional<SilentDeal> judgeNow(String team, String dealId) {
        return detection.judgeNow(team, dealId);
    }
}
