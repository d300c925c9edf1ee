package se.medborgardialog.intake.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.medborgardialog.staff.StaffClaims;

/**
 * Who may sign in. With an OIDC provider configured ({@code spring.security.oauth2.resourceserver.jwt.*}) staff
 * present its bearer tokens, read by {@code claims}, and the development users are switched off; without one (the
 * local stack, the tests) the development users ({@code intake.security.users[*]}) sign in with their passwords.
 *
 * @param claims where the tokens carry the user name, roles and units (Keycloak's realm roles and a {@code units}
 *               claim by default), the same for the API's bearer tokens and the staff pages' ID tokens
 */
@ConfigurationProperties("intake.security")
public record SecurityProperties(List<User> users, StaffClaims claims) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        claims = claims == null ? StaffClaims.KEYCLOAK : claims;
    }

    /**
     * A development user. The password carries its encoding id, e.g. {@code {noop}} for the local stack's
     * development users or {@code {bcrypt}} elsewhere.
     *
     * @param units the units (verksamheter) the user works in, e.g. {@code omsorg}; optional, empty when none
     */
    public record User(String username, String password, Set<String> roles, Set<String> units) {

        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            units = units == null ? Set.of() : Set.copyOf(units);
        }
    }
}
