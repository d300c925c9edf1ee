package se.medborgardialog.reporting.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.staff.StaffLoginPage;

/** The login page: the staff pages' shared one ({@link StaffLoginPage}), after signing in the start page. */
@Controller
class LoginPage {

    private static final String LEAD = "Logga in för att se statistiken och årsberättelserna.";

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
        return StaffLoginPage.show(model, LEAD, failed != null, loggedOut != null, oidc, oidcClients);
    }
}
