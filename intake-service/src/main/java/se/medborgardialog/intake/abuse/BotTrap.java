package se.medborgardialog.intake.abuse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The forms' bot trap: every citizen and staff form has a text field that people cannot see or reach (the
 * fragment {@code skydd/falla}), which form-filling robots fill in. A post with it filled in is refused with a
 * page that says why, so a person whose browser filled it by mistake can go back and send again; nothing is
 * stored or published.
 */
final class BotTrap implements HandlerInterceptor {

    /** The trap's field name: one a robot expects to fill in. */
    static final String FIELD = "webbadress";

    private final Refusals refusals;

    BotTrap(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String trap = request.getParameter(FIELD);
        if (trap == null || trap.isEmpty()) {
            return true;
        }
        refusals.botTrapped(request, response);
        return false;
    }
}
