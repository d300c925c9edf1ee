package se.medborgardialog.staff;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.ui.Model;

/**
 * The staff pages' login page ({@code templates/staff/logga-in.html}, in this jar), the same in every service that has
 * pages: with the pages' OIDC login a link to the provider's sign-in for each registration; otherwise, when no OIDC
 * provider is configured at all, the development users' form (whose post Spring Security takes); with only the API's
 * OIDC (bearer tokens) it says that password login is off. {@code ?fel} after a failed attempt, {@code ?utloggad} after
 * logging out. Each service's controller maps the page and says what signing in is for ({@code lead}).
 */
public final class StaffLoginPage {

    /** The view name of the shared template. */
    public static final String VIEW = "staff/logga-in";

    private StaffLoginPage() {
    }

    /** The development users' password form is on: no OIDC provider is configured. */
    public static boolean passwordLogin(ObjectProvider<JwtDecoder> oidc) {
        return oidc.getIfAvailable() == null;
    }

    /** Fills the page's model and returns {@link #VIEW}. */
    public static String show(Model model, String lead, boolean failed, boolean loggedOut,
            ObjectProvider<JwtDecoder> oidc, ObjectProvider<ClientRegistrationRepository> oidcClients) {
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        List<String> providers = clients == null ? List.of() : StaffPagesSignIn.registrationIds(clients);
        model.addAttribute("lead", lead);
        model.addAttribute("oidcLogins", providers);
        model.addAttribute("passwordLogin", clients == null && passwordLogin(oidc));
        model.addAttribute("failed", failed);
        model.addAttribute("loggedOut", loggedOut);
        model.addAttribute("signedIn", null);
        return VIEW;
    }
}
