package se.medborgardialog.cases.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.medborgardialog.cases.casework.Case;

import se.medborgardialog.cases.casework.ConcurrentCaseChangeException;
import se.medborgardialog.cases.casework.IllegalCaseTransitionException;

/** RFC 9457 problem details in Swedish; the offending fields in {@code errors}; never a stack trace. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(badRequest(List.of(new FieldProblem("body", "Begäran är inte giltig JSON."))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return badRequest(List.of(new FieldProblem(ex.getName(), "Ogiltigt värde.")));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException ex) {
        return badRequest(List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Finns inte");
        return problem;
    }

    @ExceptionHandler(IllegalCaseTransitionException.class)
    ProblemDetail illegalTransition(IllegalCaseTransitionException ex) {
        return conflict(ex.getMessage(), ex.current());
    }

    @ExceptionHandler(ConcurrentCaseChangeException.class)
    ProblemDetail concurrentChange(ConcurrentCaseChangeException ex) {
        return conflict(ex.getMessage(), ex.current());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Ett oväntat fel inträffade. Försök igen senare.");
        problem.setTitle("Internt fel");
        return problem;
    }

    /** The current state travels with the conflict so the client can decide without another read. */
    private static ProblemDetail conflict(String detail, Case current) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Konflikt med ärendets status");
        problem.setType(URI.create("urn:medborgardialog:problem:case-conflict"));
        problem.setProperty("caseId", current.caseId().toString());
        problem.setProperty("status", current.status().name().toLowerCase(java.util.Locale.ROOT));
        problem.setProperty("statusText", current.status().swedish());
        problem.setProperty("version", current.version());
        problem.setProperty("assignee", current.assignee());
        problem.setProperty("waitingSince", current.waitingSince());
        return problem;
    }

    private static ProblemDetail badRequest(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Begäran innehåller fel; se errors.");
        problem.setTitle("Ogiltig begäran");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
