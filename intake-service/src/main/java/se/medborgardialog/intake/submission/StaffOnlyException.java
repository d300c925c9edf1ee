package se.medborgardialog.intake.submission;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.security.StaffChallenge;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.ProblemException;

/** A staff channel or a stated time of receipt, from someone not logged in (401) or not allowed (403). */
class StaffOnlyException extends ProblemException {

    /** The login to ask for, for a caller who is not logged in; null otherwise. */
    private final StaffChallenge challenge;

    private StaffOnlyException(StaffChallenge challenge, HttpStatus status, String title, String detail) {
        super(status, title, detail, List.of(new FieldViolation("channel",
                "Kanalerna e-post, brev, telefon och besök samt receivedAt är till för registrerande personal.")));
        this.challenge = challenge;
    }

    static StaffOnlyException notLoggedIn(StaffChallenge challenge) {
        return new StaffOnlyException(challenge, HttpStatus.UNAUTHORIZED, "Inloggning krävs",
                "Bara inloggad personal kan registrera synpunkter som kommit via e-post, brev, telefon eller besök.");
    }

    static StaffOnlyException notAllowed() {
        return new StaffOnlyException(null, HttpStatus.FORBIDDEN, "Behörighet saknas",
                "Du har inte behörighet att registrera synpunkter för andras räkning.");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (challenge != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge.value());
        }
        return headers;
    }
}
