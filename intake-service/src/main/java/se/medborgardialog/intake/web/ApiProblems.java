package se.medborgardialog.intake.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.http.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Turns every refusal into {@code application/problem+json} with Swedish messages and never a stack trace. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final ErrorAnswers errorAnswers;

    ApiProblems(ErrorAnswers errorAnswers) {
        this.errorAnswers = errorAnswers;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException refusal) {
        return ResponseEntity.status(refusal.status()).headers(refusal.headers()).body(refusal.toProblem());
    }

    /**
     * The database did not answer (down, restarting or frozen): nothing was accepted, so the client should try again,
     * as when Kafka does not acknowledge. Found by the fault suite: a felanmälan or an e-förslag signature while the
     * store was killed answered 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    Object storeUnavailable(DataAccessException failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("The database did not answer: {}", failure.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        String path = request.getRequestURI();
        if (path.startsWith("/open311/")) {
            ErrorAnswers.writeGeoReportError(path, response, HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorAnswers.detail(HttpStatus.SERVICE_UNAVAILABLE));
            return null;
        }
        if (ErrorAnswers.isPage(path)) {
            return errorAnswers.page(HttpStatus.SERVICE_UNAVAILABLE);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorAnswers.title(HttpStatus.SERVICE_UNAVAILABLE),
                        ErrorAnswers.detail(HttpStatus.SERVICE_UNAVAILABLE), List.of()));
    }

    /**
     * A multipart body that cannot be parsed (no closing boundary, no boundary at all, cut off). The multipart
     * resolver runs before any handler is chosen, so this advice answers for the citizen forms too: with the
     * Swedish page there.
     */
    @ExceptionHandler(MultipartException.class)
    Object unreadableMultipart(MultipartException unreadable, HttpServletRequest request) {
        if (ErrorAnswers.isPage(request.getRequestURI())) {
            return errorAnswers.page(HttpStatus.BAD_REQUEST);
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(
                HttpStatus.BAD_REQUEST, "Ogiltig begäran", "Begäran kunde inte läsas som multipart/form-data.",
                List.of(new FieldViolation("body", "Ogiltig multipart/form-data."))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Unexpected failure handling a request", failure);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internt fel", "Något gick fel hos oss. Försök igen senare.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByOversizedBody(ex)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(RequestBodyLimitFilter.tooLarge(limitOf(ex)));
        }
        FieldViolation violation = describe(ex);
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "Ogiltig begäran",
                "Begäran kunde inte läsas.", List.of(violation)));
    }

    /**
     * A multipart request over the servlet container's limits ({@code spring.servlet.multipart.*}, set to the
     * whole request's limit so that a single file over its own limit is named by the attachment rules instead).
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "För stor begäran", "Filerna är tillsammans för stora.",
                List.of(new FieldViolation("attachments", "Filerna är tillsammans för stora."))));
    }

    private static FieldViolation describe(HttpMessageNotReadableException ex) {
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson == null) {
            return new FieldViolation("body", "Begäran saknar innehåll eller är inte JSON.");
        }
        return describe(jackson);
    }


    /** The field a JSON reading failure is about ({@code body} when none), and what is wrong with it. */
    static FieldViolation describe(JacksonException jackson) {
        String field = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (jackson instanceof StreamReadException || field.isEmpty()) {
            return new FieldViolation(field.isEmpty() ? "body" : field, "Ogiltig JSON.");
        }
        return new FieldViolation(field, "Fel typ av värde.");
    }

    private static boolean causedByOversizedBody(Throwable ex) {
        return find(ex, RequestBodyTooLargeException.class) != null;
    }

    private static long limitOf(Throwable ex) {
        return find(ex, RequestBodyTooLargeException.class).limit();
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
