package se.medborgardialog.intake.avvikelse;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import se.medborgardialog.intake.security.SecurityProperties;

/** Who is reporting: the login's roles, and the units configured for the user in {@code intake.security.users}. */
@Component
class Reporters {

    private final SecurityProperties security;

    Reporters(SecurityProperties security) {
        this.security = security;
    }

    Reporter of(UserDetails user) {
        Set<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.startsWith("ROLE_") ? authority.substring(5) : authority)
                .collect(Collectors.toSet());
        return new Reporter(user.getUsername(), roles, security.unitsOf(user.getUsername()));
    }
}
