package se.medborgardialog.intake.avvikelse;

import java.util.Set;
import se.medborgardialog.intake.security.StaffUser;

/** The logged-in staff member reporting, with their roles and the units they work in. */
record Reporter(String username, Set<String> roles, Set<String> units) {

    Reporter {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    /** The signed-in staff member: roles and units as their login says (a token's, or a development user's). */
    static Reporter of(StaffUser user) {
        return new Reporter(user.getUsername(), user.roles(), user.units());
    }

    /** A REPORTER reports only for their own units; officers and managers for any unit. */
    boolean mayReportFor(String unit) {
        if (roles.contains("OFFICER") || roles.contains("MANAGER")) {
            return true;
        }
        return roles.contains("REPORTER") && units.contains(unit);
    }
}
