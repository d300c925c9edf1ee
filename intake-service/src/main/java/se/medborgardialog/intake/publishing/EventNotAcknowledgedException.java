package se.medborgardialog.intake.publishing;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.ProblemException;

/** The broker did not acknowledge the event: the submission is not accepted, the client should retry. */
public class EventNotAcknowledgedException extends ProblemException {

    private final Duration retryAfter;

    public EventNotAcknowledgedException(Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Tillfälligt fel",
                "Vi kunde inte ta emot det du skickade just nu. Försök igen om en stund; "
                        + "skicka gärna samma Idempotency-Key så registreras den bara en gång.",
                List.of());
        this.retryAfter = retryAfter;
        if (cause != null) {
            initCause(cause);
        }
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return headers;
    }
}
