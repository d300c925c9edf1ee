package se.medborgardialog.staff;

import java.util.Objects;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified bearer token into the service's own principal (built by {@code principal} from the
 * {@link StaffIdentity}), so controllers see the same kind of user whether they signed in with a token or, in the
 * local stack, with a development user's password.
 */
public final class StaffJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final StaffClaims claims;
    private final Function<StaffIdentity, ?> principal;

    public StaffJwtAuthenticationConverter(StaffClaims claims, Function<StaffIdentity, ?> principal) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.principal = Objects.requireNonNull(principal, "principal");
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        StaffIdentity identity = StaffIdentity.fromClaims(jwt.getClaims(), claims);
        return new StaffAuthenticationToken(principal.apply(identity), jwt, identity);
    }

    /** An authenticated token whose principal is the service's user and whose credentials are the JWT. */
    static final class StaffAuthenticationToken extends AbstractAuthenticationToken {

        private final Object principal;
        private final String username;
        private final transient Jwt jwt;

        StaffAuthenticationToken(Object principal, Jwt jwt, StaffIdentity identity) {
            super(identity.authorities());
            this.principal = principal;
            this.username = identity.username();
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        /** The user name from the token, as history and audit entries name people. */
        @Override
        public String getName() {
            return username;
        }
    }
}
