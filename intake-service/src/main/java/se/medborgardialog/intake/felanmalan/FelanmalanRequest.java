package se.medborgardialog.intake.felanmalan;

/**
 * The JSON body of {@code POST /api/v1/felanmalningar}. Coordinates are WGS84 decimal degrees.
 *
 * @param channel {@code web} (default) or {@code app}
 */
public record FelanmalanRequest(
        String category,
        String description,
        LocationRequest location,
        ContactRequest contact,
        String channel) {

    /** Coordinates (both or neither) and/or a street address; at least one of them. */
    public record LocationRequest(Double latitude, Double longitude, String address) {
    }

    public record ContactRequest(String name, String email, String phone) {
    }
}
