package dev.silentdeals.silence;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingWeekTest {

    @Test
    void the_default_week_is_monday_to_friday() {
        assertThat(WorkingWeek.mondayToFriday().days()).containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    }

    @Test
    void mon_fri_is_the_five_weekdays() {
        assertThat(WorkingWeek.parse("MON-FRI")).isEqualTo(WorkingWeek.mondayToFriday());
    }

    @Test
    void mon_sun_is_every_day() {
        assertThat(WorkingWeek.parse("MON-SUN").days()).isEqualTo(EnumSet.allOf(DayOfWeek.class));
    }

    @Test
    void a_list_names_single_days() {
        assertThat(WorkingWeek.parse("MON,WED,FRI").days()).containsExactly(MONDAY, WEDNESDAY, FRIDAY);
    }

    @Test
    void case_spaces_full_names_and_mixed_lists_are_accepted() {
        assertThat(WorkingWeek.parse(" mon - Wed , friday ").days()).containsExactly(MONDAY, TUESDAY, WEDNESDAY, FRIDAY);
    }

    @Test
    void a_range_may_wrap_over_the_weekend_for_a_week_starting_on_sunday() {
        assertThat(WorkingWeek.parse("SUN-THU").days()).containsExactlyInAnyOrder(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
    }

    @Test
    void it_prints_in_a_form_it_parses_back() {
        for (String text : new String[] {"MON-FRI", "MON-SUN", "MON,WED,FRI", "MON-THU,SUN", "SAT"}) {
            WorkingWeek week = WorkingWeek.parse(text);
            assertThat(week.toString()).isEqualTo(text);
            assertThat(WorkingWeek.parse(week.toString())).isEqualTo(week);
        }
    }

    @Test
    void it_knows_its_working_days() {
        WorkingWeek week = WorkingWeek.parse("MON-SAT");
        assertThat(week.isWorkingDay(SATURDAY)).isTrue();
        assertThat(week.isWorkingDay(SUNDAY)).isFalse();
        assertThat(week.daysPerWeek()).isEqualTo(6);
    }

    @Test
    void a_blank_week_is_rejected_with_an_example() {
        assertThatThrownBy(() -> WorkingWeek.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank").hasMessageContaining("MON-FRI");
    }

    @Test
    void an_unknown_day_is_named_in_the_error() {
        assertThatThrownBy(() -> WorkingWeek.parse("MON-FRY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'FRY'").hasMessageContaining("'MON-FRY'");
    }

    @Test
    void a_range_missing_a_day_is_rejected() {
        assertThatThrownBy(() -> WorkingWeek.parse("MON-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MON-'").hasMessageContaining("both sides");
    }

    @Test
    void only_commas_name_no_day() {
        assertThatThrownBy(() -> WorkingWeek.parse(",,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no day");
    }

    @Test
    void a_week_without_days_cannot_be_built() {
        assertThatThrownBy(() -> new WorkingWeek(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one working day");
    }

    @Test
    void the_days_cannot_be_changed_from_outside() {
        EnumSet<DayOfWeek> days = EnumSet.of(MONDAY);
        WorkingWeek week = new WorkingWeek(days);
        days.add(TUESDAY);
        assertThat(week.days()).containsExactly(MONDAY);
        assertThatThrownBy(() -> week.days().add(SUNDAY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void seven_monday_to_friday_days_need_at_least_nine_dates_because_a_weekend_falls_inside() {
        WorkingWeek week = WorkingWeek.mondayToFriday();
        assertThat(week.fewestDatesHolding(7)).isEqualTo(9);
        assertThat(week.fewestDatesHolding(5)).isEqualTo(5);
        assertThat(week.fewestDatesHolding(10)).isEqualTo(12);
        assertThat(week.fewestDatesHolding(0)).isZero();
    }

    @Test
    void a_week_without_days_off_needs_as_many_dates_as_days() {
        assertThat(WorkingWeek.parse("MON-SUN").fewestDatesHolding(7)).isEqualTo(7);
        assertThat(WorkingWeek.parse("MON-SUN").fewestDatesHolding(1)).isEqualTo(1);
    }

    @Test
    void scattered_working_days_need_the_dates_between_them() {
        WorkingWeek week = WorkingWeek.parse("MON,WED,FRI");
        assertThat(week.fewestDatesHolding(3)).isEqualTo(5);
        assertThat(week.fewestDatesHolding(4)).isEqualTo(8);
    }
}
