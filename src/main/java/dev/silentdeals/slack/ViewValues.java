package dev.silentdeals.slack;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
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

    /** A timepicker's "HH:mm", or null when none was picked or it can't be read. */
    LocalTime time(String blockId) {
        ViewState.Value value = value(blockId);
        if (value == null || value.getSelectedTime() == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.getSelectedTime());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The values of the checked options (checkboxes), empty when none. */
    List<String> checked(String blockId) {
        ViewState.Value value = value(blockId);
        if (value == null || value.getSelectedOptions() == null) {
            return List.of();
        }
        return value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
    }

    private ViewState.Value value(String blockId) {
        Map<String, ViewState.Value> block = values.get(blockId);
        return block == null ? null : block.get(Modals.VALUE);
    }
}
