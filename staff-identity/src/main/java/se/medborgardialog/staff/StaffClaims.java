package se.medborgardialog.staff;

/**
 * Where a token carries the staff member's user name, roles and units. Paths are dotted into nested claims
 * ({@code realm_access.roles}). The defaults are those of the realm in {@code keycloak/medborgardialog-realm.json}:
 * realm roles, and the units as the names of the user's groups under "enheter" (a group membership mapper).
 *
 * @param username claim with the user name shown in history and audit entries
 * @param roles    claim with the roles: officer, manager, statistician, administrator, lex-sarah, lex-maria, skollagen
 * @param units    claim with the units (enheter) whose cases the user may see
 */
public record StaffClaims(String username, String roles, String units) {

    public static final StaffClaims KEYCLOAK = new StaffClaims(null, null, null);

    public StaffClaims {
        username = blankTo(username, "preferred_username");
        roles = blankTo(roles, "realm_access.roles");
        units = blankTo(units, "units");
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
