package dev.silentdeals.truth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmProperties;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.workspaces.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Writes each truth back to the CRM, after the Slack ack: once right away, then from a queue in Redis
 * with growing pauses until the CRM takes it or plainly refuses it. The adapter recognises a retry of a
 * write it already made, so a truth is never written twice.
 */
@Service
class CrmWriteBack {

    private static final Logger log = LoggerFactory.getLogger(CrmWriteBack.class);
    private static final int MAX_ATTEMPTS = 20;

    private final CrmAdapter crm;
    private final TruthStore truths;
    private final Workspaces workspaces;
    private final Texts texts;
    private final boolean closeLostOnNo;
    private final Executor executor;
    private final Clock clock;
    private final MeterRegistry meters;

    CrmWriteBack(CrmAdapter crm, TruthStore truths, Workspaces workspaces, Texts texts, CrmProperties properties,
                 @Qualifier("crmWriteBackExecutor") Executor executor, Clock clock, MeterRegistry meters) {
        this.crm = crm;
        this.truths = truths;
        this.workspaces = workspaces;
        this.texts = texts;
        this.closeLostOnNo = properties.closeLostOnNo();
        this.executor = executor;
        this.clock = clock;
        this.meters = meters;
    }

    @EventListener
    void on(TruthRecorded recorded) {
        if (recorded.truth().outcome().isConversation()) {
            executor.execute(() -> attempt(recorded.truth().teamId(), recorded.truth().truthId()));
        }
    }

    /** Attempts every write-back that is due, in every workspace. */
    void retryDue() {
        for (String team : workspaces.all()) {
            for (String truthId : truths.dueForWriteBack(team, clock.instant(), 200)) {
                attempt(team, truthId);
            }
        }
    }

    void attempt(String team, String truthId) {
        Truth truth = truths.find(team, truthId).orElse(null);
        if (truth == null) {
            return;
        }
        int attempt = truths.writeBackAttempt(team, truthId);
        WriteBackResult result;
        try {
            result = crm.writeBack(toWriteBack(truth));
        } catch (RuntimeException e) {
            result = WriteBackResult.retryLater(e.getMessage());
        }
        meters.counter("silentdeals.crm.writeback", "adapter", crm.name(), "status", result.status().name())
                .increment();
        switch (result.status()) {
            case WRITTEN -> truths.writeBackFinished(team, truthId, "WRITTEN", result.detail());
            case REFUSED -> {
                log.warn("CRM {} refused the truth for deal {}: {}", crm.name(), truth.dealId(), result.detail());
                truths.writeBackFinished(team, truthId, "REFUSED", result.detail());
            }
            case RETRY_LATER -> {
                if (attempt >= MAX_ATTEMPTS) {
                    log.warn("Giving up writing the truth for deal {} to {} after {} attempts: {}", truth.dealId(),
                            crm.name(), attempt, result.detail());
                    truths.writeBackFinished(team, truthId, "GAVE_UP", result.detail());
                } else {
                    Instant next = clock.instant().plus(backoff(attempt));
                    log.info("Truth for deal {} not written to {} yet ({}); next try at {}", truth.dealId(), crm.name(),
                            result.detail(), next);
                    truths.retryWriteBackAt(team, truthId, next);
                }
            }
        }
    }

    private TruthWriteBack toWriteBack(Truth truth) {
        String reasonText = truth.reason() == null ? null : texts.plain("reason." + truth.reason().name());
        return new TruthWriteBack(truth.truthId(), truth.dealId(), truth.outcome().name(),
                truth.reason() == null ? null : truth.reason().name(), reasonText, truth.note(), truth.date(),
                truth.ownerEmail(), truth.recordedAt(), closeLostOnNo && truth.outcome() == Outcome.NO);
    }

    static Duration backoff(int attempt) {
        long minutes = Math.min(60, 1L << Math.min(attempt - 1, 6));
        return Duration.ofMinutes(minutes);
    }
}
