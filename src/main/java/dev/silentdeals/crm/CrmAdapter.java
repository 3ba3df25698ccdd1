package dev.silentdeals.crm;

/**
 * The port every CRM adapter implements. Adapters translate a vendor's records into {@link CrmDeal}
 * and {@link CrmTouch}; they keep no state of their own beyond what the cursor carries, so the sync
 * job can resume an interrupted pass from the last cursor it stored.
 */
public interface CrmAdapter {

    /** A short stable name, e.g. {@code file}, {@code hubspot}; used in logs, metrics and Redis keys. */
    String name();

    /**
     * Deals and touches that changed since {@code cursor} ({@link CrmCursor#initial()} for a full
     * sync). A page may be partial: the caller stores {@link CrmChanges#next()} and calls again while
     * {@link CrmChanges#hasMore()} is true.
     */
    CrmChanges changesSince(CrmCursor cursor);

    /** Writes a recorded truth back to the deal. Must be safe to call twice for the same truth. */
    WriteBackResult writeBack(TruthWriteBack truth);
}
