package se.medborgardialog.intake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The configured closed days, bound as Spring Boot binds them, move a receipt's answer date as they move the clock. */
class CalendarPropertiesTests {

    private static CalendarProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("intake.calendar", CalendarProperties.class);
    }

    @Test
    void noClosedDaysByDefaultGivesTheCalendarByRule() {
        CalendarProperties none = bind(Map.of());

        assertThat(none.closedDays()).isEmpty();
        // received Monday 23 November 2026: due end of Wednesday
        assertThat(none.calendar().deadline(Instant.parse("2026-11-23T09:00:00Z"), 2).dueDate())
                .isEqualTo(LocalDate.parse("2026-11-25"));
    }

    @Test
    void aClosedTuesdayMovesTheAnswerDateByOneWorkingDayAndIsListedByName() {
        CalendarProperties closed = bind(Map.of(
                "intake.calendar.closed-days[0].date", "2026-11-24",
                "intake.calendar.closed-days[0].name", "Kommunens planeringsdag"));

        assertThat(closed.calendar().deadline(Instant.parse("2026-11-23T09:00:00Z"), 2).dueDate())
                .isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(closed.calendar().nonWorkingDays(2026)).anySatisfy(day -> {
            assertThat(day.date()).isEqualTo(LocalDate.parse("2026-11-24"));
            assertThat(day.name()).isEqualTo("Kommunens planeringsdag");
        });
    }

    @Test
    void refusesADateItCannotReadOrADayWithoutAName() {
        assertThatThrownBy(() -> bind(Map.of("intake.calendar.closed-days[0].date", "24 november",
                "intake.calendar.closed-days[0].name", "Planeringsdag"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("intake.calendar.closed-days[0].date", "2026-11-24")).calendar())
                .isInstanceOf(RuntimeException.class);
    }
}
