package se.medborgardialog.cases.web;

import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The officers' pages' errors as Swedish pages. Ordered before {@code ApiProblems}, which would otherwise answer
 * them with problem+json. A case of another unit is "not found", exactly like one that does not exist, and the page
 * shows nothing of it.
 */
@ControllerAdvice(annotations = StaffPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffPageErrors {

    private static final Logger log = LoggerFactory.getLogger(StaffPageErrors.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Principal user) {
        return page("error/404", HttpStatus.NOT_FOUND, user);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex, Principal user) {
        log.error("Unexpected error on a staff page", ex);
        return page("error/500", HttpStatus.INTERNAL_SERVER_ERROR, user);
    }

    private ModelAndView page(String view, HttpStatus status, Principal user) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("signedIn", SignedIn.name(user));
        return page;
    }
}
