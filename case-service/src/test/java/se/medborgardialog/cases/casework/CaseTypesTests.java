package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.contracts.SubmissionId;

class CaseTypesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");
    private static final Diarienummer NUMBER = new Diarienummer("2026-000042");

    @Test
    void aSynpunktCaseIsOpenedAsASynpunkt() {
        CaseOpened opened = Case.open(aSubmission().build(), NUMBER, "stadsmiljo", NOW).opened();

        assertThat(opened.caseType()).isEqualTo(CaseType.SYNPUNKT);
        assertThat(opened.legalFlow()).isNull();
    }

    @Test
    void aFelanmalanKeepsItsPlaceAndPhotos() {
        FelanmalanSubmitted report = new FelanmalanSubmitted(new SubmissionId(UUID.randomUUID()), null, "potthal",
                "Stort hål.", new Location(64.7, 20.9, "Storgatan 1"),
                List.of(new AttachmentRef("f1", "hal.jpg", "image/jpeg", 10, "00")), Channel.APP, RECEIVED, RECEIVED,
                null, null, null);

        Case aCase = Case.open(report, NUMBER, "stadsmiljo", NOW);

        assertThat(aCase.caseType()).isEqualTo(CaseType.FELANMALAN);
        assertThat(aCase.location().address()).isEqualTo("Storgatan 1");
        assertThat(aCase.photos()).extracting(AttachmentRef::id).containsExactly("f1");
        assertThat(aCase.isAnonymous()).isTrue();
        assertThat(aCase.opened().receivedAt()).isEqualTo(RECEIVED);
        assertThat(aCase.opened().caseType()).isEqualTo(CaseType.FELANMALAN);
    }

    @Test
    void anAvvikelseCarriesItsLegalFlowAndOnlyTheCiphertextOfTheAffectedPerson() {
        AvvikelseReported report = new AvvikelseReported(new SubmissionId(UUID.randomUUID()), null, Law.HSL,
                LegalFlow.LEX_MARIA, "omsorg", "Fall.", RECEIVED, RECEIVED, null, null, "personal", RECEIVED, null);

        Case aCase = Case.open(report, "pd1:dev1:abc", NUMBER, NOW);

        assertThat(aCase.unit()).isEqualTo("omsorg");
        assertThat(aCase.affectedPersonEncrypted()).isEqualTo("pd1:dev1:abc");
        assertThat(aCase.opened().caseType()).isEqualTo(CaseType.AVVIKELSE);
        assertThat(aCase.opened().legalFlow()).isEqualTo(LegalFlow.LEX_MARIA);
    }

    @Test
    void anEforslagIsReceivedWhenItWasSentToTheNamnd() {
        Instant sentAt = Instant.parse("2026-11-20T08:00:00Z");
        EforslagSentToNamnd proposal = new EforslagSentToNamnd(new SubmissionId(UUID.randomUUID()), null, "Bänkar",
                "Fler bänkar.", "park-och-natur", "kultur-och-fritid", 150, 100, RECEIVED, RECEIVED, sentAt);

        CaseOpened opened = Case.open(proposal, NUMBER, "kultur-och-fritid", NOW).opened();

        assertThat(opened.caseType()).isEqualTo(CaseType.E_FORSLAG);
        assertThat(opened.receivedAt()).isEqualTo(sentAt);
        assertThat(opened.unit()).isEqualTo("kultur-och-fritid");
    }

    @Test
    void theNamndAnswersAnEforslagThoughNobodyCanBeReached() {
        EforslagSentToNamnd proposal = new EforslagSentToNamnd(new SubmissionId(UUID.randomUUID()), null, "Bänkar",
                "Fler bänkar.", "park-och-natur", "kultur-och-fritid", 150, 100, RECEIVED, RECEIVED, RECEIVED);
        Case aCase = Case.open(proposal, NUMBER, "kultur-och-fritid", NOW);

        var answered = aCase.answer("Nämnden bifaller förslaget.", "bertil", NOW.plusSeconds(60));

        assertThat(aCase.isAnonymous()).isTrue();
        assertThat(aCase.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(answered.caseId().value()).isEqualTo(proposal.proposalId().value());
    }
}
