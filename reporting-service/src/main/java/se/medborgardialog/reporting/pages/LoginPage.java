package se.medborgardialog.reporting.pages;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.staff.StaffPagesSignIn;

/**
 * The login page: a link to the provider with the pages' OIDC login, otherwise the development users' form (whose
 * post Spring Security takes). {@code ?fel} after a failed attempt, {@code ?utloggad} after logging out.
 */
@Controller
class LoginPage {

    private final ObjectProvider<JwtDecoder> oidc;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    LoginPage(ObjectProvider<JwtDecoder> oidc, ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidc = oidc;
        this.oidcClients = oidcClients;
    }

    @GetMapping(PagesSecurity.LOGIN_PAGE)
    String login(@RequestParam(name = "fel", required = false) String failed,
            @RequestParam(name = "utloggad", required = false) String loggedOut,
            @AuthenticationPrincipal StatisticsUser user, Model model) {
        if (user != null) {
            return "redirect:" + PagesSecurity.HOME;
        }
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        List<String> providers = clients == null ? List.of() : StaffPagesSignIn.registrationIds(clients);
        model.addAttribute("oidcLogins", providers);
        model.addAttribute("passwordLogin", clients == null && PagesSecurity.passwordLogin(oidc));
        model.addAttribute("failed", failed != null);
        model.addAttribute("loggedOut", loggedOut != null);
        model.addAttribute("signedIn", null);
        return "logga-in";
    }
}
