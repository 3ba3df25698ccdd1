package dev.silentdeals.slack;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.silentdeals.nudges.WorkingHours;
import dev.silentdeals.texts.Texts;

/** Working hours in words for the rep: "Mon–Fri", "Mon, Wed–Fri", "09:00–17:00". */
final class WorkingHoursText {

    private final Texts texts;

    WorkingHoursText(Texts texts) {
        this.texts = texts;
    }

    String days(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            if (!days.contains(all[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < all.length && days.contains(all[end + 1])) {
                end++;
            }
            String first = texts.plain("dayShort." + all[i].name());
            parts.add(end == i ? first : end == i + 1
                    ? first + texts.plain("days.separator") + texts.plain("dayShort." + all[end].name())
                    : texts.plain("days.range", Map.of("from", first, "to", texts.plain("dayShort." + all[end].name()))));
            i = end + 1;
        }
        return String.join(texts.plain("days.separator"), parts);
    }

    String window(WorkingHours hours) {
        return hours.describe();
    }
}
