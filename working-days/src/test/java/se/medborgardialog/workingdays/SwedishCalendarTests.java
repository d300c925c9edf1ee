package se.medborgardialog.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwedishCalendarTests {

    private final SwedishCalendar calendar = new SwedishCalendar();

    @ParameterizedTest(name = "{0} is not a working day ({1})")
    @CsvSource({
            "2024-01-01, Nyårsdagen",
            "2025-01-06, Trettondedag jul",
            "2024-03-29, Långfredag",
            "2025-04-18, Långfredag",
            "2026-04-03, Långfredag",
            "2027-03-26, Långfredag",
            "2025-04-21, Annandag påsk",
            "2026-04-06, Annandag påsk",
            "2038-04-26, Annandag påsk",
            "2026-05-01, Första maj",
            "2024-05-09, Kristi himmelfärdsdag",
            "2025-05-29, Kristi himmelfärdsdag",
            "2026-05-14, Kristi himmelfärdsdag",
            "2025-06-06, Sveriges nationaldag",
            "2024-06-21, Midsommarafton",
            "2025-06-20, Midsommarafton",
            "2026-06-19, Midsommarafton",
            "2027-06-25, Midsommarafton",
            "2025-12-24, Julafton",
            "2025-12-25, Juldagen",
            "2025-12-26, Annandag jul",
            "2025-12-31, Nyårsafton",
            "2026-12-31, Nyårsafton"})
    void closesHolidaysAndTheThreeAftnar(LocalDate date, String name) {
        assertThat(calendar.isWorkingDay(date)).isFalse();
        assertThat(calendar.nonWorkingDays(date.getYear()))
                .contains(new SwedishCalendar.NonWorkingDay(date, name));
    }

    @ParameterizedTest(name = "{0} is a working day")
    @CsvSource({"2026-11-23", "2025-04-17", "2025-04-22", "2026-06-18", "2026-06-22", "2025-12-23", "2026-01-02",
            "2026-04-30", "2026-05-15", "2025-10-31"})
    void keepsOrdinaryWeekdaysOpen(LocalDate date) {
        assertThat(calendar.isWorkingDay(date)).isTrue();
    }

    @Test
    void closesWeekends() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-21"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-22"))).isFalse();
    }

    @Test
    void listsEveryHolidayOfAYearButNoOrdinaryWeekend() {
        var days = calendar.nonWorkingDays(2026);
        assertThat(days).hasSize(16);
        assertThat(days).extracting(SwedishCalendar.NonWorkingDay::name)
                .contains("Påskdagen", "Pingstdagen", "Midsommardagen", "Alla helgons dag");
        assertThat(days).extracting(SwedishCalendar.NonWorkingDay::date).isSorted();
    }

    @ParameterizedTest(name = "received {0} + {1} working days -> due {2}")
    @CsvSource({
            // Monday at any hour -> end of Wednesday
            "2026-11-23T00:00:00+01:00, 2, 2026-11-25",
            "2026-11-23T23:59:59+01:00, 2, 2026-11-25",
            // Saturday -> Monday is day 1, due Tuesday
            "2026-11-21T10:00:00+01:00, 2, 2026-11-24",
            // Friday -> Tuesday
            "2026-11-27T16:30:00+01:00, 2, 2026-12-01",
            // Easter 2026: received Thursday before långfredag -> Tuesday and Wednesday after annandag påsk
            "2026-04-02T09:00:00+02:00, 2, 2026-04-08",
            // Ascension 2026 (Thursday 14 May): received Wednesday -> Friday 15, Monday 18
            "2026-05-13T12:00:00+02:00, 2, 2026-05-18",
            // Midsommar 2026: received Thursday 18 June -> Monday 22, Tuesday 23
            "2026-06-18T12:00:00+02:00, 2, 2026-06-23",
            // National day on a Friday (2025): received Thursday 5 June -> Monday 9, Tuesday 10
            "2025-06-05T12:00:00+02:00, 2, 2025-06-10",
            // Christmas and New Year 2025: received 23 December -> 29 and 30 December
            "2025-12-23T12:00:00+01:00, 2, 2025-12-30",
            // received 30 December -> 2 January and 5 January (trettondedag is 6 January)
            "2025-12-30T12:00:00+01:00, 2, 2026-01-05",
            "2025-12-30T12:00:00+01:00, 3, 2026-01-07",
            // Swedish working-day count for ten days across Easter 2027
            "2027-03-22T08:00:00+01:00, 10, 2027-04-07"})
    void dueDateIsEndOfNthWorkingDayStrictlyAfterReceipt(OffsetDateTime receivedAt, int workingDays, LocalDate due) {
        var deadline = calendar.deadline(receivedAt.toInstant(), workingDays);

        assertThat(deadline.dueDate()).isEqualTo(due);
        assertThat(deadline.dueAt().toLocalDate()).isEqualTo(due);
        assertThat(deadline.dueAt().toLocalTime().toString()).isEqualTo("23:59:59.999999999");
    }

    @Test
    void countsOnTheStockholmDateNotTheUtcDate() {
        // 00:30 Tuesday in Stockholm is still Monday 23:30 UTC: the receipt date is Tuesday.
        Instant justAfterLocalMidnight = Instant.parse("2026-11-23T23:30:00Z");

        assertThat(calendar.deadline(justAfterLocalMidnight, 2).dueDate()).isEqualTo("2026-11-26");
    }

    @Test
    void countsOnTheStockholmDateInSummerTime() {
        // 01:30 Saturday CEST is Friday 23:30 UTC: received Saturday -> due Tuesday.
        Instant instant = Instant.parse("2026-08-14T23:30:00Z");

        assertThat(calendar.deadline(instant, 2).dueDate()).isEqualTo("2026-08-18");
    }

    @Test
    void handlesDaylightSavingDays() {
        // 2026-03-29 and 2026-10-25 are the changeover Sundays; the deadline's end of day carries the right offset.
        var spring = calendar.deadline(Instant.parse("2026-03-27T10:00:00Z"), 1);
        var autumn = calendar.deadline(Instant.parse("2026-10-23T10:00:00Z"), 1);

        assertThat(spring.dueDate()).isEqualTo("2026-03-30");
        assertThat(spring.dueAt().getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(autumn.dueDate()).isEqualTo("2026-10-26");
        assertThat(autumn.dueAt().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(calendar.deadline(Instant.parse("2026-03-28T23:30:00Z"), 1).dueDate())
                .as("23:30 UTC on Saturday is 00:30 Sunday in Stockholm").isEqualTo("2026-03-30");
    }

    @Test
    void refusesZeroWorkingDays() {
        assertThatThrownBy(() -> calendar.nthWorkingDayAfter(LocalDate.parse("2026-11-23"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
