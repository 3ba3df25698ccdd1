package dev.silentdeals.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a listener does once Slack has its ack, off the request thread, so Slack's own round trips never count
 * against its 3-second window. Two lanes: a trigger id is good for 3 seconds, so opening a modal has a pool of
 * its own and never waits behind follow-ups (DM updates, recordings, Home publishes, response_url answers).
 * A failure is logged with what failed. When a pool is full or shutting down, the work runs on the calling
 * thread instead: the ack waits, but nothing is lost.
 */
final class AfterAck {

    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

    private final Executor modals;
    private final Executor followUps;

    AfterAck(Executor modals, Executor followUps) {
        this.modals = modals;
        this.followUps = followUps;
    }

    /** Opens (or pushes) a modal: Redis reads, building the view, views.open. */
    void modal(String what, Runnable work) {
        run(modals, what, work);
    }

    /** Anything else Slack need not wait for. */
    void followUp(String what, Runnable work) {
        run(followUps, what, work);
    }

    private static void run(Executor executor, String what, Runnable work) {
        Runnable logged = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("After the ack, could not {}: {}", what, e.toString());
            }
        };
        try {
            executor.execute(logged);
        } catch (RejectedExecutionException e) {
            log.warn("No room to {} after the ack; doing it before the ack instead", what);
            logged.run();
        }
    }
}
