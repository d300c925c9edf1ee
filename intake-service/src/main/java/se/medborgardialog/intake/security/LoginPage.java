package se.medborgardialog.intake.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.staff.StaffPagesSignIn;

/**
 * The staff pages' login page: with the provider's login a link to it for each registered client, and after signing
 * in the pages the user's roles open. {@code ?fel} after a refused login, {@code ?utloggad} after logging out.
 * Without a registered client the browser asks for the password itself, so the page only points to the pages.
 */
@Controller
@StaffPage
class LoginPage {

    static final String VIEW = "personal/logga-in";

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final String municipality;

    LoginPage(ObjectProvider<ClientRegistrationRepository> oidcClients,
            @Value("${intake.municipality:Kommunen}") String municipality) {
        this.oidcClients = oidcClients;
        this.municipality = municipality;
    }

    @GetMapping(StaffPagesSecurity.LOGIN_PAGE)
    String login(@RequestParam(name = "fel", required = false) String failed,
            @RequestParam(name = "utloggad", required = false) String loggedOut,
            @AuthenticationPrincipal StaffUser user, Model model) {
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        model.addAttribute("municipality", municipality);
        model.addAttribute("oidcLogins", clients == null ? List.of() : StaffPagesSignIn.registrationIds(clients));
        model.addAttribute("failed", failed != null);
        model.addAttribute("loggedOut", loggedOut != null);
        model.addAttribute("mayReport", user == null || hasAny(user, SecurityConfiguration.AVVIKELSE_ROLES));
        model.addAttribute("mayModerate", user == null || hasAny(user, SecurityConfiguration.MODERATION_ROLES));
        return VIEW;
    }

    private static boolean hasAny(StaffUser user, String[] roles) {
        return Arrays.stream(roles).anyMatch(user.roles()::contains);
    }
}
