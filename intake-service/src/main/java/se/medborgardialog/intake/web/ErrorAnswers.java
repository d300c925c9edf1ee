package se.medborgardialog.intake.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the servlet container or Spring answers outside a handler (a wrong method, a CSRF refusal, a request
 * the firewall refuses, no such page) in the form of the part of the service it was for: problem+json on
 * {@code /api/**}, GeoReport v2's error list on {@code /open311/**}, and a Swedish page everywhere else. Replaces
 * Boot's {@code BasicErrorController}, whose JSON and English whitelabel page fit none of them.
 */
@Controller
class ErrorAnswers implements ErrorController {

    static final String PAGE = "error/fel";
    private static final JsonMapper GEOREPORT_JSON = JsonMapper.builder().build();

    private final JsonMapper jsonMapper;
    private final String municipality;

    ErrorAnswers(JsonMapper jsonMapper, @Value("${intake.municipality:Kommunen}") String municipality) {
        this.jsonMapper = jsonMapper;
        this.municipality = municipality;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = originalPath(request);
        if (path.startsWith("/open311/")) {
            View errors = (model, in, out) -> writeGeoReportError(path, out, status, detail(status));
            return new ModelAndView(errors);
        }
        if (!isPage(path)) {
            View problem = (model, in, out) -> Problems.write(in, out,
                    Problems.of(status, title(status), detail(status), List.of()), jsonMapper, path);
            return new ModelAndView(problem);
        }
        return status == HttpStatus.FORBIDDEN ? new ModelAndView("error/403", pageModel(status), status) : page(status);
    }

    /** The Swedish error page with this status, for a refusal answered by an exception handler. */
    ModelAndView page(HttpStatus status) {
        return new ModelAndView(PAGE, pageModel(status), status);
    }

    /**
     * Refuses a request before any handler saw it (servlet filters): problem+json naming the field on the API,
     * GeoReport's error list on Open311, and for a page the container's error dispatch, which renders the Swedish
     * page.
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            ProblemDetail problem, JsonMapper jsonMapper) throws IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/open311/")) {
            writeGeoReportError(path, response, status, problem.getDetail());
        } else if (isPage(path)) {
            response.sendError(status.value());
        } else {
            Problems.write(request, response, problem, jsonMapper);
        }
    }

    /** Neither the JSON API, nor Open311, nor the operations endpoints. */
    static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/actuator/")
                || path.startsWith("/v3/"));
    }

    private Map<String, Object> pageModel(HttpStatus status) {
        return Map.of("municipality", municipality, "status", status.value(), "title", title(status),
                "detail", detail(status));
    }

    /** {@code [{"code": 400, "description": "…"}]}, or the same as XML when the path asks for {@code .xml}. */
    static void writeGeoReportError(String path, HttpServletResponse response, HttpStatus status,
            String description) throws IOException {
        response.setStatus(status.value());
        if (path.endsWith(".xml")) {
            response.setContentType(MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(("<?xml version='1.0' encoding='UTF-8'?><errors><error><code>"
                    + status.value() + "</code><description>" + HtmlUtils.htmlEscape(description, "UTF-8")
                    + "</description></error></errors>").getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(GEOREPORT_JSON.writeValueAsBytes(
                    List.of(Map.of("code", status.value(), "description", description))));
        }
    }

    static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String original ? original : request.getRequestURI();
        return path == null ? "/" : path;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Ogiltig begäran";
            case UNAUTHORIZED -> "Inloggning krävs";
            case FORBIDDEN -> "Åtkomst nekad";
            case NOT_FOUND -> "Sidan finns inte";
            case METHOD_NOT_ALLOWED -> "Metoden stöds inte";
            case NOT_ACCEPTABLE -> "Formatet kan inte levereras";
            case CONTENT_TOO_LARGE -> "För stor begäran";
            case UNSUPPORTED_MEDIA_TYPE -> "Innehållstypen stöds inte";
            case TOO_MANY_REQUESTS -> "För många förfrågningar";
            case SERVICE_UNAVAILABLE -> "Tillfälligt fel";
            default -> status.is4xxClientError() ? "Begäran kunde inte tas emot" : "Något gick fel";
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Begäran kunde inte läsas, och inget av det som skickades har tagits emot.";
            case UNAUTHORIZED -> "Logga in för att fortsätta.";
            case FORBIDDEN -> "Du har inte behörighet till det här.";
            case NOT_FOUND -> "Det finns ingen sida på den adressen.";
            case METHOD_NOT_ALLOWED -> "Adressen tar inte emot den sortens begäran.";
            case CONTENT_TOO_LARGE -> "Det som skickades är för stort.";
            case UNSUPPORTED_MEDIA_TYPE -> "Innehållet skickades i ett format som inte tas emot här.";
            case SERVICE_UNAVAILABLE -> "Vi kunde inte ta emot det du skickade just nu. Försök igen om en stund.";
            default -> status.is4xxClientError() ? "Begäran kunde inte tas emot."
                    : "Något gick fel hos oss. Försök igen senare.";
        };
    }
}
