package dev.silentdeals.crm;

/**
 * Where an incremental sync stands, as an opaque string the adapter chose (a timestamp, a paging
 * token, or both). Empty means "from the beginning".
 */
public record CrmCursor(String value) {

    public CrmCursor {
        value = value == null ? "" : value;
    }

    public static CrmCursor initial() {
        return new CrmCursor("");
    }

    public boolean isInitial() {
        return value.isEmpty();
    }
}
