package se.medborgardialog.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.intake.felanmalan.FelanmalanProperties;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) over the felanmälan catalogue and reports, under
 * {@code /open311/v2/}: the format is the path's extension ({@code .json} or {@code .xml}). Reading is public;
 * posting needs an {@code api_key} from {@code intake.open311.api-keys}. Every refusal, including an unknown path
 * under {@code /open311}, is written in GeoReport v2's error format, never as problem+json.
 */
@RestController
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
    static final String BASE = "/open311/v2";
    private static final String JURISDICTION = "jurisdiction_id";

    private final FelanmalanProperties catalogue;
    private final Open311Properties properties;
    private final ServiceRequests requests;
    private final Open311Intake intake;
    private final Open311Responses responses;
    private final Clock clock;

    Open311Controller(FelanmalanProperties catalogue, Open311Properties properties, ServiceRequests requests,
            Open311Intake intake, Open311Responses responses, Clock clock) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.requests = requests;
        this.intake = intake;
        this.responses = responses;
        this.clock = clock;
    }

    @GetMapping(BASE + "/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format,
            @RequestParam(name = JURISDICTION, required = false) String jurisdictionId) {
        Format answer = checked(format, jurisdictionId);
        List<Open311Views.Service> services = catalogue.categories().stream()
                .map(category -> new Open311Views.Service(category.id(), category.name(), category.description(),
                        false, "realtime", properties.keywords().get(category.id()), properties.group()))
                .toList();
        return responses.list(HttpStatus.OK, answer, "services", "service", services);
    }

    @GetMapping(BASE + "/services/{serviceCode}.{format}")
    ResponseEntity<byte[]> serviceDefinition(@PathVariable String serviceCode, @PathVariable String format,
            @RequestParam(name = JURISDICTION, required = false) String jurisdictionId) {
        Format answer = checked(format, jurisdictionId);
        if (!catalogue.contains(serviceCode)) {
            throw new Open311Exception(HttpStatus.NOT_FOUND,
                    "service_code: Okänd service_code '" + serviceCode + "'. Se services." + format + ".");
        }
        return responses.single(answer, "service_definition", new Open311Views.ServiceDefinition(serviceCode, List.of()));
    }

    @GetMapping(BASE + "/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
            @RequestParam MultiValueMap<String, String> parameters) {
        Format answer = checked(format, parameters.getFirst(JURISDICTION));
        RequestFilter filter = RequestFilter.of(parameters, clock.instant(), properties.maxWindow());
        return responses.list(HttpStatus.OK, answer, "service_requests", "request", requests.find(filter));
    }

    /**
     * Form-encoded as the specification has it (multipart and query parameters are read the same way). Answers
     * {@code 201} with {@code [{service_request_id, token, service_notice, account_id}]} once Kafka has the report:
     * the id is known at once, and the token (the tracking code) is for clients that expect one.
     */
    @PostMapping(BASE + "/requests.{format}")
    ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Format answer = checked(format, parameters.getFirst(JURISDICTION));
        Open311Views.Created created = intake.submit(parameters.getFirst("api_key"), PostedRequest.of(parameters),
                idempotencyKey);
        return responses.list(HttpStatus.CREATED, answer, "service_requests", "request", List.of(created));
    }

    @GetMapping(BASE + "/requests/{serviceRequestId}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String serviceRequestId, @PathVariable String format,
            @RequestParam(name = JURISDICTION, required = false) String jurisdictionId) {
        Format answer = checked(format, jurisdictionId);
        Open311Views.ServiceRequest found = requests.find(serviceRequestId).orElseThrow(() -> new Open311Exception(
                HttpStatus.NOT_FOUND, "service_request_id: Hittar ingen service request med id '"
                        + serviceRequestId + "'."));
        return responses.list(HttpStatus.OK, answer, "service_requests", "request", List.of(found));
    }

    @GetMapping(BASE + "/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = JURISDICTION, required = false) String jurisdictionId) {
        Format answer = checked(format, jurisdictionId);
        Open311Views.Token found = requests.token(token).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "token: Hittar ingen service request för den här token (ännu). Försök igen om en stund."));
        return responses.list(HttpStatus.OK, answer, "service_requests", "request", List.of(found));
    }

    /** Anything else under /open311: GeoReport v2's 404, not the API's problem+json. */
    @RequestMapping("/open311/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw new Open311Exception(HttpStatus.NOT_FOUND, "Hittar inget på " + request.getRequestURI()
                + ". Se " + BASE + "/services.json.");
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception refusal, HttpServletRequest request) {
        return responses.errors(refusal, Format.ofPath(request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception failure, HttpServletRequest request) {
        log.error("Unexpected failure handling an Open311 request", failure);
        return responses.errors(new Open311Exception(HttpStatus.INTERNAL_SERVER_ERROR,
                "Något gick fel hos oss. Försök igen senare."), Format.ofPath(request.getRequestURI()));
    }

    /** The format asked for, once the jurisdiction is known to be this one. */
    private Format checked(String format, String jurisdictionId) {
        Format answer = Format.of(format);
        if (!properties.serves(jurisdictionId)) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "jurisdiction_id: Okänd jurisdiction_id '"
                    + jurisdictionId + "'; den här tjänsten är '" + properties.jurisdictionId() + "'.");
        }
        return answer;
    }
}
