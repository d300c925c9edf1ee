package se.medborgardialog.sla.watch.web;

import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import se.medborgardialog.sla.security.StaffProperties;
import se.medborgardialog.staff.StaffIdentity;
import se.medborgardialog.staff.StaffPrincipal;

/**
 * A staff member signed in to the watch page: a manager watches the units they manage, an administrator every unit.
 * Made from the provider's ID token with the pages' OIDC login, else from a development user of
 * {@code sla.security.users}.
 */
public final class WatchUser extends StaffPrincipal {

    WatchUser(StaffIdentity identity, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(identity, null, idToken, userInfo);
    }

    WatchUser(StaffProperties.User user) {
        super(new StaffIdentity(user.username(), Set.copyOf(user.roles()), user.units()), user.password(), null, null);
    }

    /** For tests and tools that sign someone in without a password. */
    public static WatchUser of(StaffIdentity identity) {
        return new WatchUser(identity, null, null);
    }

    /** An administrator watches every unit. */
    public boolean watchesAllUnits() {
        return roles().contains("ADMINISTRATOR");
    }
}
