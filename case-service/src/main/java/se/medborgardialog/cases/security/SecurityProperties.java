package se.medborgardialog.cases.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Development users ({@code cases.security.users[*]}); a real deployment plugs in the municipality's IdP. */
@ConfigurationProperties("cases.security")
public record SecurityProperties(List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
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
