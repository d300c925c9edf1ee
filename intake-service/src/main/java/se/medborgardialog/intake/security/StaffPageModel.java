package se.medborgardialog.intake.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for every {@link StaffPage}: the footer offers to log out after the provider's login. */
@ControllerAdvice(annotations = StaffPage.class)
class StaffPageModel {

    @ModelAttribute
    void staff(Model model, @AuthenticationPrincipal StaffUser staff) {
        model.addAttribute("staff", staff);
    }
}
