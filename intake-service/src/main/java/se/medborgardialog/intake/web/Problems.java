package se.medborgardialog.intake.web;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds problem details, and writes them where no MVC handler is involved (servlet filters, security). */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Writes a problem straight to the servlet response; the mapper carries Boot's ProblemDetail mix-in. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            JsonMapper jsonMapper) throws IOException {
        write(request, response, problem, jsonMapper, request.getRequestURI());
    }

    /** The same, for the path the client asked for (an error dispatch's own path is {@code /error}). */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            JsonMapper jsonMapper, String path) throws IOException {
        try {
            problem.setInstance(java.net.URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            // A path Tomcat let through but java.net.URI refuses: the problem goes without its instance.
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(problem));
    }
}
