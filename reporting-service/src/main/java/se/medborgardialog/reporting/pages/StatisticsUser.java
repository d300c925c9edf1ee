package se.medborgardialog.reporting.pages;

import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import se.medborgardialog.reporting.security.StaffProperties;
import se.medborgardialog.staff.StaffIdentity;
import se.medborgardialog.staff.StaffPrincipal;

/**
 * A staff member signed in to the statistics pages: from the provider's ID token with the pages' OIDC login, else a
 * development user of {@code reporting.security.users}. Which units' figures she sees is {@code StaffDirectory}'s rule.
 */
public final class StatisticsUser extends StaffPrincipal {

    StatisticsUser(StaffIdentity identity, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(identity, null, idToken, userInfo);
    }

    StatisticsUser(StaffProperties.User user) {
        super(new StaffIdentity(user.username(), Set.copyOf(user.roles()), user.units()), user.password(), null, null);
    }
}
