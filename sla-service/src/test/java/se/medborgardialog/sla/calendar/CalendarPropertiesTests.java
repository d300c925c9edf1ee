package se.medborgardialog.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import se.medborgardialog.workingdays.SwedishCalendar;
import se.medborgardialog.workingdays.SwedishCalendar.NonWorkingDay;

/** sla.calendar.closed-days as Spring binds it at start-up: the calendar bean gets them, bad ones stop the start. */
class CalendarPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CalendarProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, CalendarConfiguration.class);

    @Test
    void withoutConfigurationTheCalendarIsTheRulesAlone() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CalendarProperties.class).closedDays()).isEmpty();
            assertThat(context.getBean(SwedishCalendar.class).nonWorkingDays(2027))
                    .isEqualTo(new SwedishCalendar().nonWorkingDays(2027));
        });
    }

    @Test
    void configuredClosedDaysReachTheCalendar() {
        runner.withPropertyValues(
                        "sla.calendar.closed-days[0].date=2027-05-07",
                        "sla.calendar.closed-days[0].name= Klämdag efter Kristi himmelsfärds dag ",
                        "sla.calendar.closed-days[1].date=2027-08-16",
                        "sla.calendar.closed-days[1].name=Stadsfest")
                .run(context -> {
                    SwedishCalendar calendar = context.getBean(SwedishCalendar.class);
                    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-05-07"))).isFalse();
                    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-08-16"))).isFalse();
                    assertThat(calendar.nonWorkingDays(2027)).contains(
                            new NonWorkingDay(LocalDate.parse("2027-05-07"), "Klämdag efter Kristi himmelsfärds dag"),
                            new NonWorkingDay(LocalDate.parse("2027-08-16"), "Stadsfest"));
                });
    }

    @Test
    void aBadDateStopsTheStartNamingTheProperty() {
        runner.withPropertyValues(
                        "sla.calendar.closed-days[0].date=2027-13-07",
                        "sla.calendar.closed-days[0].name=Klämdag")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("sla.calendar.closed-days[0].date")
                        .hasStackTraceContaining("2027-13-07"));
    }

    @Test
    void aMissingNameStopsTheStartNamingTheDay() {
        runner.withPropertyValues("sla.calendar.closed-days[0].date=2027-05-07")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("sla.calendar.closed-days")
                        .hasStackTraceContaining("the closed day 2027-05-07 needs a name"));
    }

    @Test
    void aMissingDateStopsTheStart() {
        runner.withPropertyValues("sla.calendar.closed-days[0].name=Klämdag")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("every closed day needs a date"));
    }

    @Test
    void theSameDateTwiceStopsTheStart() {
        runner.withPropertyValues(
                        "sla.calendar.closed-days[0].date=2027-05-07",
                        "sla.calendar.closed-days[0].name=Klämdag",
                        "sla.calendar.closed-days[1].date=2027-05-07",
                        "sla.calendar.closed-days[1].name=Klämdag igen")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("lists 2027-05-07 twice"));
    }
}
