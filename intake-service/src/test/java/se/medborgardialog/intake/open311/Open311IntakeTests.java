package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.felanmalan.FelanmalanReceipt;
import se.medborgardialog.intake.felanmalan.FelanmalanService;
import se.medborgardialog.intake.open311.Open311Properties.ApiKey;
import se.medborgardialog.intake.publishing.EventNotAcknowledgedException;

/** The api_key, the Idempotency-Key namespace, Kafka's refusal and the metric, around a stubbed FelanmalanService. */
class Open311IntakeTests {

    private static final ApiKey APP = new ApiKey("app-nyckel-0123456789", "felanmalningsappen", false);
    private static final PostedRequest POSTED = new PostedRequest("potthal", "59.33", "18.06", null, null, "Hål.",
            null, null, null, null, null);

    private final FelanmalanService felanmalningar = mock(FelanmalanService.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Open311Intake intake = new Open311Intake(felanmalningar,
            new Open311Properties(null, List.of(APP), 1000, Duration.ofDays(90), "Felanmälan", Map.of()), meters);

    @Test
    void anAcceptedPostAnswersTheSubmissionIdAndTheTrackingCodeAsToken() {
        when(felanmalningar.submit(any(), eq("open311:felanmalningsappen:nyckel-1"))).thenReturn(new FelanmalanReceipt(
                "3f0c9a52-6a2e-4a7b-9d43-1c1f0f6a8e01", "7KQF-3M9X-WD2P-8HNA", "2026-11-23T11:00:00+01:00", true,
                "c0ffee00-0000-4000-8000-000000000000", "Tack!", List.of(), null));

        Open311Views.Created created = intake.submit(APP.key(), POSTED, "nyckel-1");

        assertThat(created).isEqualTo(new Open311Views.Created("3f0c9a52-6a2e-4a7b-9d43-1c1f0f6a8e01",
                "7KQF-3M9X-WD2P-8HNA", "Tack! Spårningskod: 7KQF-3M9X-WD2P-8HNA.", null));
        assertThat(count("felanmalningsappen", "linked")).isEqualTo(1.0);
    }

    @Test
    void withoutAKnownApiKeyNothingIsSubmitted() {
        assertThatThrownBy(() -> intake.submit("en-gissad-nyckel-0000", POSTED, null))
                .isInstanceOfSatisfying(Open311Exception.class,
                        refused -> assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN));

        verifyNoInteractions(felanmalningar);
        assertThat(count(Open311Intake.UNKNOWN_CLIENT, "forbidden")).isEqualTo(1.0);
    }

    @Test
    void kafkaNotAcknowledgingIs503WithRetryAfter() {
        when(felanmalningar.submit(any(), any()))
                .thenThrow(new EventNotAcknowledgedException(Duration.ofSeconds(30), null));

        assertThatThrownBy(() -> intake.submit(APP.key(), POSTED, null))
                .isInstanceOfSatisfying(Open311Exception.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
                    assertThat(refused.descriptions()).singleElement().asString().startsWith("Felanmälan kunde inte");
                });
        assertThat(count("felanmalningsappen", "unavailable")).isEqualTo(1.0);
    }

    @Test
    void aTooLongIdempotencyKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> intake.submit(APP.key(), POSTED, "k".repeat(201)))
                .isInstanceOfSatisfying(Open311Exception.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refused.descriptions()).singleElement().asString().startsWith("Idempotency-Key: ");
                });
        verifyNoInteractions(felanmalningar);
    }

    private double count(String client, String outcome) {
        var counter = meters.find(Open311Intake.METRIC).tag("client", client).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
