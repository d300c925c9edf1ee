package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.intake.category.Category;
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

class SubmissionValidatorTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final SubmissionValidator validator = new SubmissionValidator(
            new CategoryCatalogue(List.of(new Category("gata-och-trafik", "Gata och trafik"))),
            new SubmissionProperties(2, Duration.ofDays(365), Duration.ofMinutes(5), Duration.ofSeconds(30)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({"beröm,BEROM", "klagomål,KLAGOMAL", "förslag,FORSLAG", "fråga,FRAGA", " Klagomål ,KLAGOMAL"})
    void mapsTheSwedishKindsToTheContract(String word, SynpunktKind kind) {
        assertThat(validator.validate(SubmissionJson.complaint().kind(word).request()).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"web,WEB", "app,APP", "e-post,E_POST", "brev,BREV", "telefon,TELEFON", "besök,BESOK"})
    void mapsTheSwedishChannelsToTheContract(String word, Channel channel) {
        assertThat(validator.validate(SubmissionJson.complaint().channel(word).request()).channel()).isEqualTo(channel);
    }

    @Test
    void anAbsentChannelMeansTheWebForm() {
        assertThat(validator.validate(SubmissionJson.complaint().channel(null).request()).channel())
                .isEqualTo(Channel.WEB);
    }

    @Test
    void onlyStaffChannelsAndStatedTimesOfReceiptNeedStaff() {
        assertThat(validator.validate(SubmissionJson.complaint().request()).requiresStaff()).isFalse();
        assertThat(validator.validate(SubmissionJson.complaint().channel("telefon").request()).requiresStaff()).isTrue();
        assertThat(validator.validate(SubmissionJson.complaint()
                .receivedAt("2026-11-20T14:05:00+01:00").request()).requiresStaff()).isTrue();
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        var request = new SubmissionRequest("gnäll", "rymden", " ", "brevduva",
                new SubmissionRequest.ContactRequest("x".repeat(201), "inte-en-adress", "ring mig"), "igår");

        assertThat(violations(request)).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "kind", "category", "text", "channel", "contact.name", "contact.email", "contact.phone", "receivedAt");
    }

    @Test
    void acceptsTextOfExactly5000CharactersButNotMore() {
        assertThat(validator.validate(SubmissionJson.complaint().text("å".repeat(5000)).request()).text()).hasSize(5000);
        assertThat(violations(SubmissionJson.complaint().text("å".repeat(5001)).request()))
                .extracting(FieldViolation::field).containsExactly("text");
    }

    @Test
    void treatsAContactWithOnlyBlankFieldsAsAnonymous() {
        var request = new SubmissionRequest("fråga", "gata-och-trafik", "När plogas vår gata?", "app",
                new SubmissionRequest.ContactRequest(" ", "", null), null);

        assertThat(validator.validate(request).contact()).isNull();
    }

    @Test
    void acceptsSwedishPhoneNumbersAndInternationalPrefixes() {
        var request = new SubmissionRequest("fråga", "gata-och-trafik", "Text", "web",
                new SubmissionRequest.ContactRequest(null, null, "+46 70-123 45 67"), null);

        assertThat(validator.validate(request).contact().phone()).isEqualTo("+46 70-123 45 67");
    }

    @Test
    void acceptsATimeOfReceiptWithinClockSkewAndAYearBack() {
        assertThat(validator.validate(SubmissionJson.letter().receivedAt("2026-11-23T11:04:00+01:00").request())
                .statedReceivedAt()).isEqualTo(Instant.parse("2026-11-23T10:04:00Z"));
        assertThat(validator.validate(SubmissionJson.letter().receivedAt("2025-11-24T12:00:00Z").request())
                .statedReceivedAt()).isEqualTo(Instant.parse("2025-11-24T12:00:00Z"));
    }

    @Test
    void refusesATimeOfReceiptInTheFutureOrMoreThanAYearBackOrWithoutOffset() {
        for (String receivedAt : List.of("2026-11-23T11:06:00+01:00", "2025-11-22T12:00:00Z", "2026-11-20T14:05:00")) {
            assertThat(violations(SubmissionJson.letter().receivedAt(receivedAt).request()))
                    .as(receivedAt).extracting(FieldViolation::field).containsExactly("receivedAt");
        }
    }

    private List<FieldViolation> violations(SubmissionRequest request) {
        return catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(request)).errors();
    }
}
