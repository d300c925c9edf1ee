package se.medborgardialog.cases.security;

import java.util.Optional;
import java.util.Set;

/**
 * The staff directory: who works where. Backed by the configured users ({@code cases.security.users}) today; an
 * OIDC or LDAP directory can replace the implementation without the case work noticing.
 */
public interface Colleagues {

    /** A staff member who works cases (officer or manager); empty for anyone else or an unknown name. */
    Optional<Colleague> find(String username);

    /** Every unit some staff member works in. */
    Set<String> units();

    /** A staff member and the units whose cases they work. */
    record Colleague(String username, Set<String> units) {

        public Colleague {
            units = Set.copyOf(units);
        }

        public boolean worksIn(String unit) {
            return units.contains(unit);
        }
    }
}
