package se.medborgardialog.intake.felanmalan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GeoTests {

    /** Storgatan, Sundsvall: far enough north that a degree of longitude is about half a degree of latitude. */
    static final double LAT = 62.3908;
    static final double LON = 17.3069;

    static double north(double latitude, double metres) {
        return latitude + Math.toDegrees(metres / Geo.EARTH_RADIUS_METRES);
    }

    static double east(double latitude, double longitude, double metres) {
        return longitude + Math.toDegrees(metres / (Geo.EARTH_RADIUS_METRES * Math.cos(Math.toRadians(latitude))));
    }

    @Test
    void measuresAlongAMeridianAndAlongAParallel() {
        assertThat(Geo.distanceMetres(LAT, LON, north(LAT, 249), LON)).isCloseTo(249, within(0.01));
        assertThat(Geo.distanceMetres(LAT, LON, LAT, east(LAT, LON, 251))).isCloseTo(251, within(0.1));
        assertThat(Geo.distanceMetres(LAT, LON, LAT, LON)).isZero();
    }

    @Test
    void measuresAKnownDistanceBetweenStockholmAndGoteborg() {
        // Stockholm (Sergels torg) – Göteborg (Gustaf Adolfs torg): about 398 km as the crow flies.
        assertThat(Geo.distanceMetres(59.3326, 18.0649, 57.7072, 11.9668)).isCloseTo(398_000, within(3_000.0));
    }

    @Test
    void theBoxHoldsEveryPointWithinTheRadiusAndItsLongitudeSideIsWiderInDegreesFarNorth() {
        Geo.BoundingBox box = Geo.BoundingBox.around(LAT, LON, 250);

        assertThat(box.contains(north(LAT, 249), LON)).isTrue();
        assertThat(box.contains(north(LAT, -249), LON)).isTrue();
        assertThat(box.contains(LAT, east(LAT, LON, 249))).isTrue();
        assertThat(box.contains(LAT, east(LAT, LON, -249))).isTrue();
        assertThat(box.contains(north(LAT, 300), LON)).isFalse();
        assertThat(box.contains(LAT, east(LAT, LON, 300))).isFalse();
        double latitudeSpan = box.maxLatitude() - box.minLatitude();
        double longitudeSpan = box.maxLongitude() - box.minLongitude();
        assertThat(longitudeSpan / latitudeSpan).isCloseTo(1 / Math.cos(Math.toRadians(LAT)), within(0.001));
    }

    @Test
    void aReport249MetresAwayIsADuplicateAnd251MetresAwayIsNot() {
        FelanmalanReport near = report(north(LAT, 249), LON);
        FelanmalanReport far = report(LAT, east(LAT, LON, 251));

        assertThat(FelanmalanReports.nearestWithin(List.of(near), LAT, LON, 250)).contains(near);
        assertThat(FelanmalanReports.nearestWithin(List.of(far), LAT, LON, 250)).isEmpty();
    }

    @Test
    void picksTheNearestOfSeveralOpenReportsAndIgnoresOnesWithOnlyAnAddress() {
        FelanmalanReport at200 = report(north(LAT, 200), LON);
        FelanmalanReport at50 = report(LAT, east(LAT, LON, -50));
        FelanmalanReport addressOnly = new FelanmalanReport(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "AAAA-BBBB-CCCC-DDDD", "gatubelysning", "Släckt", null, null, "Storgatan 1", Instant.EPOCH, null, true);

        assertThat(FelanmalanReports.nearestWithin(List.of(addressOnly, at200, at50), LAT, LON, 250)).contains(at50);
    }

    private static FelanmalanReport report(double latitude, double longitude) {
        String id = UUID.randomUUID().toString();
        return new FelanmalanReport(id, id, "AAAA-BBBB-CCCC-DDDD", "gatubelysning", "Lyktan är släckt",
                latitude, longitude, null, Instant.EPOCH, null, true);
    }
}
