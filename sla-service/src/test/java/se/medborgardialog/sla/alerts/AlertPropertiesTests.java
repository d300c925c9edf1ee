package se.medborgardialog.sla.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPropertiesTests {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, STOCKHOLM).toInstant();
    }

    private static AlertProperties properties(String quietHours, boolean digest) {
        return new AlertProperties(Map.of("stadsmiljo", List.of("chef@exempelkommun.se")), "no-reply@exempelkommun.se",
                quietHours, new AlertProperties.Digest(digest, "07:30"), Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    @Test
    void outsideTheQuietHoursAnAlertGoesAtOnce() {
        assertThat(properties("22:00–07:00", false).releaseAt(at(23, 10, 0))).isEqualTo(at(23, 10, 0));
        assertThat(properties("22:00–07:00", false).releaseAt(at(23, 21, 59))).isEqualTo(at(23, 21, 59));
    }

    @Test
    void duringTheQuietHoursItWaitsUntilTheyEndInStockholmTime() {
        assertThat(properties("22:00–07:00", false).releaseAt(at(23, 22, 0))).isEqualTo(at(24, 7, 0));
        assertThat(properties("22:00-07:00", false).releaseAt(at(24, 3, 0))).isEqualTo(at(24, 7, 0));
        assertThat(properties("22:00–07:00", false).releaseAt(at(24, 7, 0))).isEqualTo(at(24, 7, 0));
    }

    @Test
    void quietHoursWithinOneDayAndNoneAtAll() {
        assertThat(properties("12:00–13:00", false).releaseAt(at(23, 12, 30))).isEqualTo(at(23, 13, 0));
        assertThat(properties("", false).releaseAt(at(23, 23, 0))).isEqualTo(at(23, 23, 0));
    }

    @Test
    void withTheDigestEveryAlertWaitsForTheNextDigestTime() {
        assertThat(properties("22:00–07:00", true).releaseAt(at(23, 10, 0))).isEqualTo(at(24, 7, 30));
        assertThat(properties("22:00–07:00", true).releaseAt(at(24, 7, 0))).isEqualTo(at(24, 7, 30));
    }

    @Test
    void aBadQuietHoursOrDigestTimeStopsTheStartWithThePropertysName() {
        assertThatThrownBy(() -> properties("22–7", false)).hasMessageContaining("sla.alerts.quiet-hours");
        assertThatThrownBy(() -> new AlertProperties.Digest(true, "halv åtta"))
                .hasMessageContaining("sla.alerts.digest.at");
    }
}
