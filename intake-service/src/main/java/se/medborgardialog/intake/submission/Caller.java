package se.medborgardialog.intake.submission;

import java.util.Set;

/** Who sent a request: an anonymous citizen, or a logged-in staff member with their roles. */
public record Caller(String username, Set<String> roles) {

    /** Roles that may register letters, calls, e-mails and visits, and state a time of receipt. */
    static final Set<String> REGISTERING_ROLES = Set.of("REGISTRATOR", "OFFICER");

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller anonymous() {
        return new Caller(null, Set.of());
    }

    public boolean isAuthenticated() {
        return username != null;
    }

    boolean mayRegister() {
        return roles.stream().anyMatch(REGISTERING_ROLES::contains);
    }
}
