package se.medborgardialog.cases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;

class CaseAccessTests {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private static Case avvikelse(LegalFlow flow, String unit) {
        return Case.open(new AvvikelseReported(new SubmissionId(UUID.randomUUID()), null, Law.SOL, flow, unit,
                "Fel dos.", NOW, NOW, null, null, "personal", NOW, null), null, new Diarienummer("2026-000001"), NOW);
    }

    private static StaffUser user(Set<String> roles, String... units) {
        return new StaffUser(new SecurityProperties.User("u", "{noop}x", roles, Set.of(units)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAvvikelseIsSeenOnlyWithTheRoleOfItsLawInItsUnit() {
        StaffUser sara = user(Set.of("OFFICER", "LEX_SARAH"), "omsorg");
        StaffUser mas = user(Set.of("OFFICER", "LEX_MARIA"), "omsorg");
        StaffUser rektor = user(Set.of("OFFICER", "SKOLLAGEN"), "utbildning");

        assertThat(CaseAccess.maySee(sara, avvikelse(LegalFlow.LEX_SARAH, "omsorg"))).isTrue();
        assertThat(CaseAccess.maySee(mas, avvikelse(LegalFlow.LEX_SARAH, "omsorg"))).isFalse();
        assertThat(CaseAccess.maySee(mas, avvikelse(LegalFlow.LEX_MARIA, "omsorg"))).isTrue();
        assertThat(CaseAccess.maySee(sara, avvikelse(LegalFlow.LEX_MARIA, "omsorg"))).isFalse();
        assertThat(CaseAccess.maySee(rektor, avvikelse(LegalFlow.KRANKANDE_BEHANDLING, "utbildning"))).isTrue();
        assertThat(CaseAccess.maySee(rektor, avvikelse(LegalFlow.SKOLKLAGOMAL, "utbildning"))).isTrue();
        assertThat(CaseAccess.maySee(user(Set.of("OFFICER"), "utbildning"),
                avvikelse(LegalFlow.SKOLKLAGOMAL, "utbildning"))).isFalse();
    }

    @Test
    void theLawRoleDoesNotOpenAnotherUnitsAvvikelse() {
        assertThat(CaseAccess.maySee(user(Set.of("OFFICER", "LEX_SARAH"), "omsorg"),
                avvikelse(LegalFlow.LEX_SARAH, "stadsmiljo"))).isFalse();
    }

    @Test
    void otherCasesNeedOnlyTheUnit() {
        Case synpunkt = Case.open(aSubmission().build(), new Diarienummer("2026-000002"), "stadsmiljo", NOW);

        assertThat(CaseAccess.maySee(user(Set.of("OFFICER"), "stadsmiljo"), synpunkt)).isTrue();
        assertThat(CaseAccess.maySee(user(Set.of("OFFICER", "LEX_SARAH"), "omsorg"), synpunkt)).isFalse();
    }

    @Test
    void callersHandedOnlyUnitsAreJudgedByTheSignedInUsersRoles() {
        Case lexSarah = avvikelse(LegalFlow.LEX_SARAH, "omsorg");
        assertThat(CaseAccess.maySee(Set.of("omsorg"), lexSarah)).as("nobody signed in").isFalse();

        StaffUser sara = user(Set.of("OFFICER", "LEX_SARAH"), "omsorg");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(sara, null, sara.getAuthorities()));

        assertThat(CaseAccess.maySee(Set.of("omsorg"), lexSarah)).isTrue();
        assertThat(CaseAccess.maySee(Set.of("stadsmiljo"), lexSarah)).isFalse();
    }
}
