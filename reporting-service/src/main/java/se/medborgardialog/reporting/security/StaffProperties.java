package se.medborgardialog.reporting.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.medborgardialog.staff.StaffClaims;

/**
 * Staff who may sign in (with an OIDC provider configured: its tokens, read by {@code claims}, and no development
 * users), with their roles and the units (enheter) they answer for. In the local stack these are
 * the development users of the conventions; production replaces them with the municipality's identity provider.
 */
@ConfigurationProperties("reporting.security")
public record StaffProperties(@DefaultValue List<User> users, StaffClaims claims) {

    public StaffProperties {
        claims = claims == null ? StaffClaims.KEYCLOAK : claims;
    }

    /** @param password with its encoder prefix, e.g. {@code {noop}utveckling} or {@code {bcrypt}...} */
    public record User(String username, String password, @DefaultValue List<String> roles,
                       @DefaultValue Set<String> units) {
    }
}
