package dev.silentdeals.crm;

import java.util.List;

/**
 * One page of changes from a CRM.
 *
 * @param deals     deals created or updated since the cursor
 * @param touches   touches on those (or other) deals; the same touch may appear again in later pages
 * @param next      the cursor to store once this page is saved
 * @param hasMore   true when another page should be fetched right away with {@code next}
 * @param complete  true when this pass saw every open deal in the CRM, so deals missing from it are gone
 * @param skipped   records the adapter could not read (logged by the adapter with where and why)
 * @param startsFullPass true when this page is the first of a pass that reads every open deal from the start
 *                  (such as a periodic full pass begun from a stored cursor), so the deals of this page and the
 *                  next ones, up to the page that says {@code complete}, are every open deal. A first sync from
 *                  {@link CrmCursor#initial()} counts as one whether or not the adapter says so.
 */
public record CrmChanges(List<CrmDeal> deals, List<CrmTouch> touches, CrmCursor next, boolean hasMore,
                         boolean complete, int skipped, boolean startsFullPass) {

    public CrmChanges {
        deals = List.copyOf(deals);
        touches = List.copyOf(touches);
    }

    /** A page that does not start a full pass from a stored cursor. */
    public CrmChanges(List<CrmDeal> deals, List<CrmTouch> touches, CrmCursor next, boolean hasMore,
                      boolean complete, int skipped) {
        this(deals, touches, next, hasMore, complete, skipped, false);
    }
}
