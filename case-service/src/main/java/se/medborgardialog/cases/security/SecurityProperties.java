package se.medborgardialog.cases.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.medborgardialog.staff.StaffClaims;

/**
 * Who may sign in. With an OIDC provider configured ({@code spring.security.oauth2.resourceserver.jwt.*}) staff
 * present its bearer tokens, read by {@code claims}, and the development users are switched off; without one (the
 * local stack, the tests) the development users ({@code cases.security.users[*]}) sign in with their passwords.
 *
 * @param claims where the tokens carry the user name, roles and units (Keycloak's realm roles and a {@code units}
 *               claim by default)
 */
@ConfigurationProperties("cases.security")
public record SecurityProperties(List<User> users, StaffClaims claims) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        claims = claims == null ? StaffClaims.KEYCLOAK : claims;
    }

    /**
     * @param password with its encoder id, e.g. {@code {noop}utveckling}
     * @param roles    OFFICER (handläggare), MANAGER (enhetschef), ADMINISTRATOR
     * @param units    the units whose cases the user may see and work
     */
    public record User(String username, String password, Set<String> roles, Set<String> units) {

        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            units = units == null ? Set.of() : Set.copyOf(units);
        }
    }
}
