package se.medborgardialog.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.medborgardialog.workingdays.SwedishCalendar.NonWorkingDay;

class SwedishCalendarExtraClosedDaysTests {

    /** Kristi himmelsfärds dag 2027 is Thursday 6 May; the Friday after is the municipality's klämdag. */
    private static final NonWorkingDay KLAMDAG =
            new NonWorkingDay(LocalDate.parse("2027-05-07"), "Klämdag efter Kristi himmelsfärds dag");

    private final SwedishCalendar byRule = new SwedishCalendar();
    private final SwedishCalendar withKlamdag = new SwedishCalendar(List.of(KLAMDAG));

    @Test
    void anExtraClosedDayIsNotAWorkingDay() {
        assertThat(byRule.isWorkingDay(KLAMDAG.date())).isTrue();
        assertThat(withKlamdag.isWorkingDay(KLAMDAG.date())).isFalse();
    }

    @Test
    void aDeadlineAcrossAnExtraClosedDayMovesByOneWorkingDay() {
        // Received Wednesday 5 May: by rule Friday 7 and Monday 10; with the klämdag Monday 10 and Tuesday 11.
        var received = OffsetDateTime.parse("2027-05-05T10:00:00+02:00").toInstant();

        assertThat(byRule.deadline(received, 2).dueDate()).isEqualTo("2027-05-10");
        assertThat(withKlamdag.deadline(received, 2).dueDate()).isEqualTo("2027-05-11");
        assertThat(withKlamdag.nthWorkingDayAfter(LocalDate.parse("2027-05-05"), 1)).isEqualTo("2027-05-10");
    }

    @Test
    void nonWorkingDaysListsTheExtraDayWithItsNameInDateOrder() {
        var days = withKlamdag.nonWorkingDays(2027);

        assertThat(days).contains(KLAMDAG);
        assertThat(days).hasSize(byRule.nonWorkingDays(2027).size() + 1);
        assertThat(days).extracting(NonWorkingDay::date).isSorted();
        assertThat(withKlamdag.nonWorkingDays(2026)).isEqualTo(byRule.nonWorkingDays(2026));
    }

    @Test
    void anExtraDayOnAWeekendChangesNoDeadline() {
        var saturday = new NonWorkingDay(LocalDate.parse("2027-05-08"), "Stadsfest");
        var calendar = new SwedishCalendar(List.of(saturday));
        var received = OffsetDateTime.parse("2027-05-06T10:00:00+02:00").toInstant();

        assertThat(calendar.deadline(received, 3)).isEqualTo(byRule.deadline(received, 3));
        assertThat(calendar.nonWorkingDays(2027)).contains(saturday);
    }

    @Test
    void aDateThatIsAHolidayByRuleKeepsTheRulesName() {
        var calendar = new SwedishCalendar(List.of(new NonWorkingDay(LocalDate.parse("2027-06-06"), "Kommunens dag")));

        assertThat(calendar.nonWorkingDays(2027)).isEqualTo(byRule.nonWorkingDays(2027));
        assertThat(calendar.nonWorkingDays(2027))
                .contains(new NonWorkingDay(LocalDate.parse("2027-06-06"), "Sveriges nationaldag"));
    }

    @Test
    void refusesAnExtraDayWithoutADateOrName() {
        assertThatThrownBy(() -> new SwedishCalendar(List.of(new NonWorkingDay(null, "Stadsfest"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date");
        assertThatThrownBy(() -> new SwedishCalendar(List.of(new NonWorkingDay(KLAMDAG.date(), " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-05-07").hasMessageContaining("name");
    }

    @Test
    void refusesTheSameExtraDateTwice() {
        assertThatThrownBy(() -> new SwedishCalendar(List.of(KLAMDAG, new NonWorkingDay(KLAMDAG.date(), "Annat"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void laterChangesToTheGivenListDoNotReachTheCalendar() {
        List<NonWorkingDay> given = new ArrayList<>(List.of(KLAMDAG));
        var calendar = new SwedishCalendar(given);
        given.add(new NonWorkingDay(LocalDate.parse("2027-05-10"), "Senare tillägg"));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-05-10"))).isTrue();
    }
}
