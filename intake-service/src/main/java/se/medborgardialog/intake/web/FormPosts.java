package se.medborgardialog.intake.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import se.medborgardialog.intake.publishing.EventNotAcknowledgedException;
import se.medborgardialog.intake.publishing.IdempotencyConflictException;

/**
 * How every form page answers a post (synpunkt, felanmälan, avvikelse): the receipt when the submission went
 * through; otherwise the form again, with what was typed, and the status that says why:
 * <ul>
 *   <li>refused input ({@code 400}, {@code 413}, {@code 403} for a unit not one's own): each error at its field;</li>
 *   <li>Kafka did not acknowledge ({@code 503} with {@code Retry-After}): {@code notReceived}, the same key, so
 *       sending again publishes the very same event, never a second one;</li>
 *   <li>the form was sent, then changed (after Back) ({@code 422}): {@code alreadySent}, and a new key, so the
 *       next send is a new submission.</li>
 * </ul>
 * A refusal without field errors is no form error: it goes on to the page's own failure handling.
 */
public final class FormPosts {

    /** Shows the page's form again: with these errors, and with a new idempotency key or the one it had. */
    public interface FormAgain {
        String show(List<FieldViolation> errors, boolean withNewKey);
    }

    private FormPosts() {
    }

    public static <R> String answer(Supplier<R> submission, Function<R, String> receiptPage, FormAgain form,
            Model model, HttpServletResponse response) {
        R receipt;
        try {
            receipt = submission.get();
        } catch (EventNotAcknowledgedException notAcknowledged) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            notAcknowledged.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            model.addAttribute("notReceived", true);
            return form.show(List.of(), false);
        } catch (IdempotencyConflictException changedAfterSending) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("alreadySent", true);
            return form.show(List.of(), true);
        } catch (ProblemException refused) {
            if (refused.errors().isEmpty()) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            return form.show(refused.errors(), false);
        }
        return receiptPage.apply(receipt);
    }
}
