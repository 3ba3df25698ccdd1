package dev.silentdeals.slack;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.slack.api.model.view.ViewState;

/** Reads a submitted modal's inputs by block id (every input's action id is {@link Modals#VALUE}). */
final class ViewValues {

    private final Map<String, Map<String, ViewState.Value>> values;

    ViewValues(ViewState state) {
        this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
    }

    String selected(String blockId) {
        ViewState.Value value = value(blockId);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    String text(String blockId) {
        ViewState.Value value = value(blockId);
        return value == null ? null : value.getValue();
    }

    LocalDate date(String blockId) {
        ViewState.Value value = value(blockId);
        if (value == null || value.getSelectedDate() == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.getSelectedDate());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ViewState.Value value(String blockId) {
        Map<String, ViewState.Value> block = values.get(blockId);
        return block == null ? null : block.get(Modals.VALUE);
    }
}
