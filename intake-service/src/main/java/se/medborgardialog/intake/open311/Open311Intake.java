package se.medborgardialog.intake.open311;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import se.medborgardialog.intake.felanmalan.FelanmalanReceipt;
import se.medborgardialog.intake.felanmalan.FelanmalanService;
import se.medborgardialog.intake.open311.Open311Properties.ApiKey;
import se.medborgardialog.intake.publishing.EventNotAcknowledgedException;
import se.medborgardialog.intake.publishing.IdempotencyConflictException;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

/**
 * {@code POST requests}: checks the client's api_key, then hands the report to {@link FelanmalanService} exactly
 * as the JSON API does (same validation, duplicate linking, Idempotency-Key, answered only once Kafka has it),
 * and turns its refusals into GeoReport v2 errors. Counts every post by client and outcome.
 */
@Component
class Open311Intake {

    private static final Logger log = LoggerFactory.getLogger(Open311Intake.class);

    static final String METRIC = "medborgardialog.open311.requests";
    static final String UNKNOWN_CLIENT = "okand";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final FelanmalanService felanmalningar;
    private final Open311Properties properties;
    private final MeterRegistry meters;

    Open311Intake(FelanmalanService felanmalningar, Open311Properties properties, MeterRegistry meters) {
        this.felanmalningar = felanmalningar;
        this.properties = properties;
        this.meters = meters;
        properties.apiKeys().stream().filter(ApiKey::development).forEach(key -> log.warn(
                "Open311: the API key of client '{}' is a development key that is public in the repository; "
                        + "set intake.open311.api-keys (INTAKE_OPEN311_APIKEYS_0_KEY, …) in every real environment",
                key.client()));
    }

    /**
     * @throws Open311Exception 403 for a missing or unknown api_key, 400 for bad input (each error naming the Open311
     *                          field), 422 for a reused Idempotency-Key, 503 with Retry-After when Kafka did not
     *                          acknowledge
     */
    Open311Views.Created submit(String apiKey, PostedRequest posted, String idempotencyKey) {
        ApiKey client = properties.client(apiKey).orElseThrow(() -> {
            count(UNKNOWN_CLIENT, "forbidden");
            return new Open311Exception(HttpStatus.FORBIDDEN,
                    "api_key: Saknas eller är ogiltig; en service request kan inte tas emot utan giltig api_key.");
        });
        try {
            FelanmalanReceipt receipt = felanmalningar.submit(posted.toFelanmalan(), storedKey(client, idempotencyKey));
            count(client.client(), receipt.linked() ? "linked" : "accepted");
            log.info("Open311 client '{}' posted felanmälan {}", client.client(), receipt.submissionId());
            return new Open311Views.Created(receipt.submissionId(), receipt.trackingCode(),
                    receipt.message() + " Spårningskod: " + receipt.trackingCode() + ".", null);
        } catch (InvalidRequestException invalid) {
            count(client.client(), "invalid");
            throw new Open311Exception(HttpStatus.BAD_REQUEST, PostedRequest.describe(invalid.errors()),
                    invalid.headers());
        } catch (Open311Exception refused) {
            count(client.client(), "invalid");
            throw refused;
        } catch (IdempotencyConflictException reused) {
            count(client.client(), "conflict");
            throw new Open311Exception(reused.status(), PostedRequest.describe(reused.errors()), reused.headers());
        } catch (EventNotAcknowledgedException notAcknowledged) {
            count(client.client(), "unavailable");
            throw new Open311Exception(notAcknowledged.status(), List.of("Felanmälan kunde inte tas emot just nu. "
                    + "Försök igen om en stund; skicka gärna samma Idempotency-Key så registreras den bara en gång."),
                    notAcknowledged.headers());
        }
    }

    /** Each client's keys are its own: two clients using the same Idempotency-Key never meet. */
    private static String storedKey(ApiKey client, String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new InvalidRequestException(new FieldViolation("Idempotency-Key",
                    "Nyckeln får inte vara tom och får vara högst " + MAX_IDEMPOTENCY_KEY_LENGTH + " tecken."));
        }
        return "open311:" + client.client() + ":" + idempotencyKey;
    }

    private void count(String client, String outcome) {
        Counter.builder(METRIC)
                .description("Open311 service requests posted, by client and outcome")
                .tag("client", client)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
