package se.medborgardialog.intake.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.intake.submission.SubmissionProperties;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

class AvvikelseValidatorTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final AvvikelseValidator validator = new AvvikelseValidator(Clock.fixed(NOW, ZoneOffset.UTC),
            new SubmissionProperties(2, Duration.ofDays(365), Duration.ofMinutes(5), Duration.ofSeconds(30)));

    static AvvikelseRequest request(String law, String flow, String measures, String occurredAt, String noticedAt,
            String personnummer) {
        return new AvvikelseRequest(law, flow, "omsorg", "Något hände.", occurredAt, noticedAt, measures,
                personnummer == null ? null
                        : new AvvikelseRequest.AffectedPersonRequest("Tolvan", personnummer, null));
    }

    @Test
    void derivesLexSarahForLssAndLexMariaForHslWhenTheFlowIsOmitted() {
        assertThat(validator.validate(request("LSS", null, "Åtgärd", "2026-11-23T08:00", "2026-11-23T09:00", null))
                .legalFlow()).isEqualTo(LegalFlow.LEX_SARAH);
        assertThat(validator.validate(request("hsl", null, "Åtgärd", "2026-11-23T08:00", "2026-11-23T09:00", null))
                .legalFlow()).isEqualTo(LegalFlow.LEX_MARIA);
    }

    @Test
    void readsLocalDateTimesAsSwedishTimeAndKeepsInstantsAsTheyAre() {
        ValidAvvikelse valid = validator.validate(
                request("SOL", "LEX_SARAH", "Åtgärd", "2026-11-23T08:00", "2026-11-23T08:30:00Z", null));
        assertThat(valid.occurredAt()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(valid.noticedAt()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
    }

    @Test
    void lexSarahAndLexMariaNeedImmediateMeasuresButASchoolComplaintDoesNot() {
        assertThat(fields(request("SOL", null, null, "2026-11-23T08:00", "2026-11-23T09:00", null)))
                .containsExactly("immediateMeasures");
        assertThat(validator.validate(request("SKOLLAGEN", "SKOLKLAGOMAL", null, "2026-11-23T08:00",
                "2026-11-23T09:00", null)).immediateMeasures()).isNull();
    }

    @Test
    void refusesANoticedTimeBeforeTheOccurrenceAndTimesInTheFuture() {
        assertThat(fields(request("SOL", null, "Åtgärd", "2026-11-23T09:00", "2026-11-23T08:00", null)))
                .containsExactly("noticedAt");
        assertThat(fields(request("SOL", null, "Åtgärd", "2026-11-23T11:10", "2026-11-24T09:00", null)))
                .containsExactly("occurredAt", "noticedAt");
    }

    @Test
    void keepsTheTwelveDigitsOfAValidPersonnummerAndNamesAnInvalidOne() {
        assertThat(validator.validate(request("SOL", null, "Åtgärd", "2026-11-23T08:00", "2026-11-23T09:00",
                "121212-1212")).affectedPerson().personnummer()).isEqualTo("201212121212");
        assertThatThrownBy(() -> validator.validate(request("SOL", null, "Åtgärd", "2026-11-23T08:00",
                "2026-11-23T09:00", "19121312-1212")))
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.errors())
                        .containsExactly(new FieldViolation("affectedPerson.personnummer",
                                "Personnumret innehåller inget giltigt datum.")));
    }

    @Test
    void refusesUnknownLawsAndTextsOverTheLimit() {
        AvvikelseRequest tooLong = new AvvikelseRequest("ABC", null, "omsorg", "x".repeat(8001),
                "2026-11-23T08:00", "2026-11-23T09:00", "Åtgärd", null);
        assertThat(fields(tooLong)).containsExactly("law", "whatHappened");
    }

    private java.util.List<String> fields(AvvikelseRequest request) {
        try {
            validator.validate(request);
        } catch (InvalidRequestException invalid) {
            return invalid.errors().stream().map(FieldViolation::field).toList();
        }
        return java.util.List.of();
    }
}
