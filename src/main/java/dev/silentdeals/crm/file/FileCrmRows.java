package dev.silentdeals.crm.file;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;

/** Turns one CSV row of the deals or touches file into the port's record, or says why it cannot. */
final class FileCrmRows {

    static final List<String> DEAL_COLUMNS = List.of("id", "name", "company", "stage", "amount", "currency",
            "owner_email", "contact_name", "contact_email", "contact_phone", "closed", "updated_at");

    static final List<String> TOUCH_COLUMNS = List.of("deal_id", "at", "direction", "channel", "auto_reply");

    private FileCrmRows() {
    }

    static CrmDeal deal(CsvTable.Row row, Instant anchor) {
        String id = required(row, "id");
        return new CrmDeal(id, row.get("name"), row.get("company"), row.get("stage"), amount(row.get("amount")),
                currency(row.get("currency")), row.get("owner_email"), row.get("contact_name"),
                row.get("contact_email"), blankToNull(row.get("contact_phone")), bool(row, "closed"),
                Timestamps.parse("updated_at", row.get("updated_at"), anchor));
    }

    static CrmTouch touch(CsvTable.Row row, Instant anchor) {
        String dealId = required(row, "deal_id");
        return new CrmTouch(dealId, Timestamps.parse("at", row.get("at"), anchor),
                oneOf(Direction.class, row, "direction"), oneOf(Channel.class, row, "channel"),
                bool(row, "auto_reply"));
    }

    private static String required(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new MalformedRow(column + " is empty");
        }
        return value;
    }

    private static BigDecimal amount(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                throw new MalformedRow("amount '" + text + "' is negative");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new MalformedRow("amount '" + text + "' is not a plain number (write 1234.50, no separators)");
        }
    }

    private static String currency(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[A-Za-z]{3}")) {
            throw new MalformedRow("currency '" + text + "' is not a three-letter code such as EUR");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    private static boolean bool(CsvTable.Row row, String column) {
        String text = row.get(column);
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new MalformedRow(column + " '" + text + "' is not true or false");
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, CsvTable.Row row, String column) {
        String text = row.get(column);
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new MalformedRow(column + " '" + text + "' is not one of "
                + String.join("|", Arrays.stream(type.getEnumConstants())
                        .map(value -> value.name().toLowerCase(Locale.ROOT)).toList()));
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
