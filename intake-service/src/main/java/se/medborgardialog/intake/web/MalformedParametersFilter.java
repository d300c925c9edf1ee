package se.medborgardialog.intake.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query or form body that is not valid UTF-8 (say {@code ?kod=%C0%BC}) makes Tomcat throw on every read of a
 * parameter, wherever that happens: in a controller, in Spring Security's CSRF check, even while the error page
 * is rendered. So parameters are read once here, before anything else: when they cannot be, the API answers a
 * {@code 400} problem naming the parameter, Open311 a {@code 400} in GeoReport's format, and a page is handled as
 * if no parameter had been sent (a form post then lacks its CSRF token and gets the Swedish refusal page).
 * Multipart bodies are left to the multipart resolver.
 */
class MalformedParametersFilter extends OncePerRequestFilter {

    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.\\[\\]-]{1,40})]");

    private final JsonMapper jsonMapper;

    MalformedParametersFilter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParameterMap();
        } catch (InvalidParameterException unreadable) {
            String field = field(unreadable, request);
            String message = "Innehåller tecken som inte är UTF-8.";
            if (ErrorAnswers.isPage(request.getRequestURI())) {
                chain.doFilter(new WithoutParameters(request), response);
            } else {
                ErrorAnswers.refuse(request, response, HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                        "Ogiltig begäran", field + ": " + message, List.of(new FieldViolation(field, message))),
                        jsonMapper);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String field(InvalidParameterException unreadable, HttpServletRequest request) {
        Matcher named = PARAMETER.matcher(String.valueOf(unreadable.getMessage()));
        if (named.find()) {
            return named.group(1);
        }
        return "GET".equals(request.getMethod()) ? "query" : "body";
    }

    /** The request as if it carried no parameters, so nothing downstream touches Tomcat's broken ones. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
