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
 */
public record CrmChanges(List<CrmDeal> deals, List<CrmTouch> touches, CrmCursor next, boolean hasMore,
                         boolean complete, int skipped) {

    public CrmChanges {
        deals = List.copyOf(deals);
        touches = List.copyOf(touches);
    }
}
