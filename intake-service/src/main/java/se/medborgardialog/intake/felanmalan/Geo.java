package se.medborgardialog.intake.felanmalan;

/**
 * Distances on the WGS84 coordinates citizens give, on a spherical Earth (good to well under 1 % at 250 m). The
 * embedded store has no geo operators, so nearby reports are found with a plain latitude/longitude box query and
 * then measured exactly here.
 */
final class Geo {

    /** The mean Earth radius (IUGG), in metres. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Geo() {
    }

    /** The great-circle (haversine) distance between two points, in metres. */
    static double distanceMetres(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(longitude2 - longitude1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * A latitude/longitude box that holds every point within {@code metres} of the centre (and a little more, so
     * rounding never drops a point at the edge; the exact distance decides). Longitude degrees shrink with
     * cos(latitude), so the box is wider in degrees of longitude than of latitude.
     */
    record BoundingBox(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {

        private static final double MARGIN = 1.01;

        static BoundingBox around(double latitude, double longitude, double metres) {
            double dLatitude = Math.toDegrees(metres * MARGIN / EARTH_RADIUS_METRES);
            double cosLatitude = Math.max(Math.cos(Math.toRadians(latitude)), 1e-6);
            double dLongitude = Math.min(180, dLatitude / cosLatitude);
            return new BoundingBox(latitude - dLatitude, latitude + dLatitude,
                    longitude - dLongitude, longitude + dLongitude);
        }

        boolean contains(double latitude, double longitude) {
            return latitude >= minLatitude && latitude <= maxLatitude
                    && longitude >= minLongitude && longitude <= maxLongitude;
        }
    }
}
