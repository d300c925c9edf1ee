package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import se.medborgardialog.intake.open311.RequestFilter.Status;

class RequestFilterTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(90);
    private static final String ID = "3f0c9a52-6a2e-4a7b-9d43-1c1f0f6a8e01";

    @Test
    void withoutFiltersItIsEveryStatusAndEveryServiceOfTheLast90Days() {
        RequestFilter filter = parse(null, null, null, null, null);

        assertThat(filter.ids()).isNull();
        assertThat(filter.serviceCodes()).isNull();
        assertThat(filter.from()).isEqualTo(NOW.minus(WINDOW));
        assertThat(filter.to()).isEqualTo(NOW);
        assertThat(filter.statuses()).containsExactlyInAnyOrder(Status.OPEN, Status.CLOSED);
    }

    @Test
    void oneEndOfTheWindowGivesTheOtherOneTheWindowAway() {
        RequestFilter fromStart = parse(null, null, "2026-01-01T00:00:00Z", null, null);
        assertThat(fromStart.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(fromStart.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));

        RequestFilter toEnd = parse(null, null, null, "2026-04-01T00:00:00Z", null);
        assertThat(toEnd.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(toEnd.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void aWindowOfMoreThan90DaysOrBackwardsIsRefusedNamingEndDate() {
        assertRefused(() -> parse(null, null, "2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", null), "end_date: ");
        assertRefused(() -> parse(null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null), "end_date: ");
        assertThat(parse(null, null, "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", null).to())
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void everyParameterThatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> parse(null, null, "igår", "imorgon", "pending,open"))
                .isInstanceOfSatisfying(Open311Exception.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refused.descriptions()).hasSize(3)
                            .anySatisfy(description -> assertThat(description).startsWith("start_date: "))
                            .anySatisfy(description -> assertThat(description).startsWith("end_date: "))
                            .anySatisfy(description -> assertThat(description).startsWith("status: Okänd status 'pending'"));
                });
    }

    @Test
    void statusAndServiceCodeAreCommaSeparatedLists() {
        RequestFilter filter = parse(null, "potthal, klotter,,", null, null, "Closed");

        assertThat(filter.serviceCodes()).containsExactly("potthal", "klotter");
        assertThat(filter.statuses()).containsExactly(Status.CLOSED);
        assertThat(filter.includes(Status.OPEN)).isFalse();
        assertThat(parse(null, null, null, null, "open,closed").statuses()).isEqualTo(Set.of(Status.OPEN, Status.CLOSED));
    }

    @Test
    void aParameterGivenTwiceCountsAsItsValuesCommaSeparated() {
        LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("status", "closed");
        parameters.add("service_code", "potthal");
        parameters.add("service_code", "klotter,lekplats");
        parameters.add("jurisdiction_id", "exempelkommun.se");

        RequestFilter filter = RequestFilter.of(parameters, NOW, WINDOW);

        assertThat(filter.serviceCodes()).containsExactly("potthal", "klotter", "lekplats");
        assertThat(filter.statuses()).containsExactly(Status.CLOSED);
        assertThat(filter.to()).isEqualTo(NOW);
    }

    @Test
    void serviceRequestIdsOverrideEveryOtherFilterAndOnlyUuidsNameARequest() {
        RequestFilter filter = parse(ID.toUpperCase() + ", inte-ett-id," + ID, "potthal", "igår", null, "bogus");

        assertThat(filter.ids()).containsExactly(ID);
        assertThat(filter.serviceCodes()).isNull();
        assertThat(filter.from()).isNull();
        assertThat(filter.statuses()).containsExactlyInAnyOrder(Status.OPEN, Status.CLOSED);
    }

    private static RequestFilter parse(String ids, String codes, String start, String end, String status) {
        return RequestFilter.parse(ids, codes, start, end, status, NOW, WINDOW);
    }

    private static void assertRefused(Runnable parsing, String prefix) {
        assertThatThrownBy(parsing::run).isInstanceOfSatisfying(Open311Exception.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.descriptions()).singleElement().asString().startsWith(prefix);
        });
    }
}
