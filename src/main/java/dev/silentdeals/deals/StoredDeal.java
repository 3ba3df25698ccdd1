package dev.silentdeals.deals;

import java.time.Instant;
import java.util.List;

/**
 * A deal with its touches as read from the store. {@code lastConversationAt} is when a rep last
 * recorded real contact (a yes or no, or "they got back to me"; null if never): it counts as a reply.
 */
public record StoredDeal(Deal deal, List<Touch> touches, Instant lastConversationAt) {

    public StoredDeal {
        touches = List.copyOf(touches);
    }
}
