package se.medborgardialog.cases.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for every page's header (its name and the logout button): the pages' own and Boot's error pages
 * alike, so a user refused a page (403) can still log out.
 */
@ControllerAdvice
class SignedIn {

    @ModelAttribute("signedIn")
    String signedIn(Principal user) {
        return name(user);
    }

    static String name(Principal user) {
        return user == null ? null : user.getName();
    }
}
