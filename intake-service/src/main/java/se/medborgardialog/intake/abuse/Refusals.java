package se.medborgardialog.intake.abuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import se.medborgardialog.intake.abuse.RateLimitFilter.Kind;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import se.medborgardialog.intake.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer to a refused request in the form its client reads: a Swedish page for a browser, problem
 * JSON for the API, the Open311 error list for Open311 clients. Counts every refusal by its reason.
 */
final class Refusals {

    static final String METRIC = "medborgardialog.abuse.refused";
    static final String TOO_MANY_PAGE = "skydd/for-manga";
    static final String TRAPPED_PAGE = "skydd/stoppad";

    private final ITemplateEngine templates;
    private final JsonMapper jsonMapper;
    private final SynpunktPageProperties pages;
    private final Map<String, Counter> counters;

    Refusals(ITemplateEngine templates, JsonMapper jsonMapper, SynpunktPageProperties pages, MeterRegistry meters) {
        this.templates = templates;
        this.jsonMapper = jsonMapper;
        this.pages = pages;
        this.counters = Map.of(
                "rate-limit-submissions", counter(meters, "rate-limit-submissions"),
                "rate-limit-lookups", counter(meters, "rate-limit-lookups"),
                "bot-trap", counter(meters, "bot-trap"));
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Kind kind, long retryAfterSeconds)
            throws IOException {
        counters.get(kind == Kind.SUBMISSIONS ? "rate-limit-submissions" : "rate-limit-lookups").increment();
        String detail = "Du har skickat för många förfrågningar på kort tid. Vänta " + retryAfterSeconds
                + " sekunder och försök igen.";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/open311/")) {
            writeOpen311Error(response, path.endsWith(".xml"), detail);
        } else if (path.startsWith("/api/") || !acceptsHtml(request)) {
            Problems.write(request, response,
                    Problems.of(HttpStatus.TOO_MANY_REQUESTS, "För många förfrågningar", detail, List.of()), jsonMapper);
        } else {
            writePage(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_PAGE,
                    Map.of("retryAfterSeconds", retryAfterSeconds));
        }
    }

    void botTrapped(HttpServletRequest request, HttpServletResponse response) throws IOException {
        counters.get("bot-trap").increment();
        writePage(request, response, HttpStatus.BAD_REQUEST, TRAPPED_PAGE, Map.of());
    }

    private void writePage(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String template, Map<String, Object> variables) throws IOException {
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        WebContext context = new WebContext(exchange, Locale.forLanguageTag("sv-SE"));
        context.setVariable("municipality", pages.municipality());
        context.setVariables(variables);
        String html = templates.process(template, context);
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.setHeader("Content-Language", "sv-SE");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** The GeoReport v2 error format, in the representation the path asks for. */
    private static void writeOpen311Error(HttpServletResponse response, boolean xml, String description)
            throws IOException {
        int code = HttpStatus.TOO_MANY_REQUESTS.value();
        String body = xml
                ? "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>" + code + "</code><description>"
                        + HtmlUtils.htmlEscape(description) + "</description></error></errors>"
                : "[{\"code\":" + code + ",\"description\":\"" + description + "\"}]";
        response.setStatus(code);
        response.setContentType((xml ? MediaType.APPLICATION_XML_VALUE : MediaType.APPLICATION_JSON_VALUE)
                + ";charset=UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder(METRIC)
                .description("Requests refused as abuse: over a client's rate limit, or caught by a form's bot trap")
                .tag("reason", reason)
                .register(meters);
    }
}
