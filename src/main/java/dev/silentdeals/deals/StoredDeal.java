package dev.silentdeals.deals;

import java.time.Instant;
import java.util.List;

/**
 * A deal with its touches as read from the store. {@code lastConversationAt} is when a rep last
 * recorded a yes or no from a real conversation (null if never): a conversation counts as contact.
 */
public record StoredDeal(Deal deal, List<Touch> touches, Instant lastConversationAt) {

    public StoredDeal {
        touches = List.copyOf(touches);
    }
}
