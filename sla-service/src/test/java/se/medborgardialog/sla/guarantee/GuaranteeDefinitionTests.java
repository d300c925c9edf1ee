package se.medborgardialog.sla.guarantee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition.CoverageDefinition;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition.Problem;

/** The written form of a guarantee: what it means, what is refused (naming the field), and which cases it covers. */
class GuaranteeDefinitionTests {

    private static GuaranteeDefinition lights(CoverageDefinition covers, String duration, List<String> warnings,
                                              List<String> suspensions, List<String> startOn) {
        return new GuaranteeDefinition("gatubelysning-3-veckor", "Kungsbacka", "Tekniska nämnden",
                "Släckt gatubelysning lagas inom tre veckor", "TJANSTEGARANTI", covers, "gatubelysning", duration,
                startOn, null, null, null, warnings, suspensions, null, null);
    }

    private static CaseFacts facts(CaseType type, SynpunktKind kind, String category, String unit) {
        return new CaseFacts("c", type, kind, category, Channel.WEB, null, unit, Instant.EPOCH, null);
    }

    @Test
    void aWrittenGuaranteeTakesTodaysTriggersWhereItNamesNone() {
        Guarantee guarantee = lights(null, "p3w", List.of("50%", "pt2h"), List.of("06-01..08-31"), null).toGuarantee(1);

        assertThat(guarantee.type()).isEqualTo(GuaranteeType.TJANSTEGARANTI);
        assertThat(guarantee.duration().text()).isEqualTo("P3W");
        assertThat(guarantee.startOn()).containsExactly(Trigger.CASE_OPENED);
        assertThat(guarantee.stopOn()).containsExactlyInAnyOrder(Trigger.CASE_ANSWERED, Trigger.CASE_CLOSED);
        assertThat(guarantee.pauseOn()).containsExactly(Trigger.CITIZEN_INFO_REQUESTED);
        assertThat(guarantee.resumeOn()).containsExactly(Trigger.CITIZEN_INFO_RECEIVED);
        assertThat(guarantee.warnings()).extracting(WarningPoint::text).containsExactly("50%", "PT2H");
        assertThat(guarantee.suspensions()).extracting(Suspension::toString).containsExactly("06-01..08-31");
        assertThat(guarantee.active()).isTrue();
    }

    @Test
    void everyBadFieldIsNamed() {
        GuaranteeDefinition bad = new GuaranteeDefinition("Inte En Slug", " ", "Nämnd", "Titel", "LÖFTE",
                new CoverageDefinition(List.of("SYNPUNKT", "BYGGLOV"), null, null, null, null, List.of("DUVPOST")),
                "klocka", "P0WD", List.of(), null, List.of("CITIZEN_INFO_REQUESTED"), List.of(), List.of("100%"),
                List.of("13-01..14-01"), new GuaranteeDefinition.CompensationDefinition("Text",
                "FEE_FRACTION_PER_STARTED_WEEK", 2.0, null), null);

        assertThat(bad.problems()).extracting(Problem::field).containsExactly("id", "municipality", "type",
                "covers.caseTypes[1]", "covers.channels[0]", "duration", "startOn", "resumeOn", "warnings[0]",
                "suspensions[0]", "compensation.fraction");
        assertThatThrownBy(() -> bad.toGuarantee(1)).isInstanceOf(GuaranteeDefinition.InvalidGuaranteeException.class);
    }

    @Test
    void durationsOfEachKindAreUnderstoodAndNonsenseRefused() {
        assertThat(ClockDuration.parse("P2WD").workingDays()).isEqualTo(2);
        assertThat(ClockDuration.parse("PT8H").kind()).isEqualTo(ClockDuration.Kind.HOURS);
        assertThat(ClockDuration.parse("P6M").kind()).isEqualTo(ClockDuration.Kind.CALENDAR);
        assertThat(ClockDuration.parse("P0D").kind()).isEqualTo(ClockDuration.Kind.CALENDAR);
        for (String nonsense : List.of("", "P0WD", "P366WD", "PT0H", "PT-2H", "P-1D", "tre veckor", "P20Y")) {
            assertThatThrownBy(() -> ClockDuration.parse(nonsense)).as(nonsense).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptySetCoversAnyCaseAndAFullOneOnlyItsOwn() {
        Guarantee any = lights(null, "P3W", null, null, null).toGuarantee(1);
        Guarantee narrow = lights(new CoverageDefinition(List.of("FELANMALAN"), null, List.of("gatubelysning"),
                List.of("stadsmiljo"), null, null), "P3W", null, null, null).toGuarantee(1);
        Guarantee complaints = lights(new CoverageDefinition(null, List.of("KLAGOMAL"), null, null, null, null), "P3W",
                null, null, null).toGuarantee(1);

        CaseFacts light = facts(CaseType.FELANMALAN, null, "gatubelysning", "stadsmiljo");
        assertThat(any.startsOn(Trigger.CASE_OPENED, light)).isTrue();
        assertThat(narrow.startsOn(Trigger.CASE_OPENED, light)).isTrue();
        assertThat(narrow.startsOn(Trigger.CASE_ANSWERED, light)).isFalse();
        assertThat(narrow.startsOn(Trigger.CASE_OPENED, facts(CaseType.FELANMALAN, null, "klotter", "stadsmiljo"))).isFalse();
        assertThat(narrow.startsOn(Trigger.CASE_OPENED, facts(CaseType.FELANMALAN, null, "gatubelysning", "omsorg"))).isFalse();
        assertThat(complaints.startsOn(Trigger.CASE_OPENED, light)).isFalse();
        assertThat(complaints.startsOn(Trigger.CASE_OPENED, facts(null, SynpunktKind.KLAGOMAL, "x", "y"))).isTrue();
        assertThat(lights(null, "P3W", null, null, null).withActive(false).toGuarantee(2)
                .startsOn(Trigger.CASE_OPENED, light)).isFalse();
        Guarantee sarah = lights(new CoverageDefinition(List.of("AVVIKELSE"), null, null, null, List.of("LEX_SARAH"), null),
                "P14D", null, null, List.of("DECIDED_SERIOUS")).toGuarantee(1);
        CaseFacts avvikelse = new CaseFacts("c", CaseType.AVVIKELSE, null, null, Channel.WEB, LegalFlow.LEX_SARAH, "omsorg",
                Instant.EPOCH, null);
        assertThat(sarah.startsOn(Trigger.DECIDED_SERIOUS, avvikelse)).isTrue();
        assertThat(sarah.startsOn(Trigger.CASE_OPENED, avvikelse)).isFalse();
    }

    @Test
    void theConfiguredDefaultsAreValidAndABadOneStopsTheStartNamingTheProperty() {
        assertThat(Catalogues.configured().guarantees()).extracting(GuaranteeDefinition::clock)
                .contains("first-answer", "namnd-answer", "lex-sarah-utredning", "lex-maria-ivo", "huvudman-anmalan",
                        "skolklagomal-utredning", "gatubelysning", "snorojning", "fl-12-avgorande");

        assertThatThrownBy(() -> new GuaranteeProperties(List.of(lights(null, "P3W", List.of("PT2H"), null, null),
                lights(null, "P3W", List.of("fel"), null, null))))
                .hasMessageStartingWith("sla.guarantees[1].warnings[0]:");
        assertThatThrownBy(() -> new GuaranteeProperties(List.of(lights(null, "P3W", null, null, List.of("NEVER")))))
                .hasMessageStartingWith("sla.guarantees[0].start-on[0]:");
        assertThatThrownBy(() -> new GuaranteeProperties(List.of(lights(null, "P3W", null, null, null),
                lights(null, "P3W", null, null, null))))
                .hasMessageContaining("sla.guarantees[1].id");
        assertThat(Set.of(Trigger.of(se.medborgardialog.contracts.AvvikelseStep.DECIDED, true).toArray()))
                .containsExactlyInAnyOrder(Trigger.DECIDED, Trigger.DECIDED_SERIOUS);
    }
}
