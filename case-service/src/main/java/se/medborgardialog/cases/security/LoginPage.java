package se.medborgardialog.cases.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.cases.web.StaffPage;

/**
 * The development login form ({@link StaffPagesSecurity#login}); Spring Security takes its post. {@code ?fel} after a
 * failed attempt, {@code ?utloggad} after logging out. With an OIDC provider configured it only says that password
 * login is off.
 */
@Controller
@StaffPage
class LoginPage {

    private final ObjectProvider<JwtDecoder> oidc;

    LoginPage(ObjectProvider<JwtDecoder> oidc) {
        this.oidc = oidc;
    }

    @GetMapping(StaffPagesSecurity.LOGIN_PAGE)
    String login(@RequestParam(name = "fel", required = false) String failed,
            @RequestParam(name = "utloggad", required = false) String loggedOut,
            @AuthenticationPrincipal StaffUser user, Model model) {
        if (user != null) {
            return "redirect:/arenden";
        }
        model.addAttribute("passwordLogin", StaffPagesSecurity.passwordLogin(oidc));
        model.addAttribute("failed", failed != null);
        model.addAttribute("loggedOut", loggedOut != null);
        return "logga-in";
    }
}
