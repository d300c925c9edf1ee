package se.medborgardialog.cases.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.avvikelse;
import static se.medborgardialog.cases.testing.OpenedCases.synpunkt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.cases.testing.AvvikelsePagePosts;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.LegalFlow;

/**
 * The avvikelse's steps on the case page through MockMvc: each post stored through the same work as the API, its
 * refusals and errors on the page, and nothing of it for anybody but the unit's staff with the law's role. Users:
 * sara (LEX_SARAH, omsorg), mas (LEX_MARIA, omsorg), rektor (SKOLLAGEN, utbildning), anna (stadsmiljo, no law).
 */
class AvvikelsePageIntegrationTests extends CaseServerIntegrationTestContext {

    @Autowired
    UserDetailsService users;

    @Test
    void lexSarahsStepsPostedFromThePageAreStoredAndShownInTheInvestigation() throws Exception {
        CaseId caseId = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));
        String steps = "/arenden/" + caseId + "/avvikelse/";

        expectSaved(caseId, "Utredningsanteckningen är sparad.", post(steps + "utredningsanteckning")
                .param("type", "atgard").param("concerns", "2026-11-22").param("source", "journal")
                .param("text", "Dubbelsignering av läkemedel infördes.").param("measureTakenAt", "2026-11-23T09:30"));
        expectSaved(caseId, "Riskbedömningen är sparad.", post(steps + "riskbedomning").param("probability", "3")
                .param("consequence", "4").param("motivation", "Rutinen saknades i hela gruppen."));
        expectSaved(caseId, "Beslutet är sparat.", post(steps + "beslut").param("serious", "ja")
                .param("motivation", "Påtaglig risk för Svens hälsa."));
        expectSaved(caseId, "Utredningen är avslutad.", post(steps + "avsluta-utredning"));
        expectSaved(caseId, "Anmälan till IVO är registrerad.", post(steps + "ivo-anmalan")
                .param("reportedOn", "2026-11-23").param("ivoReference", "3.5.1-12345/2026"));

        Avvikelse recorded = cases.find(caseId).avvikelse();
        assertThat(recorded.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(EntryType.ATGARD);
            assertThat(entry.concerns()).isEqualTo(LocalDate.parse("2026-11-22"));
            assertThat(entry.measureTakenAt()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
            assertThat(entry.author()).isEqualTo("sara");
            assertThat(entry.textEncrypted()).doesNotContain("Dubbelsignering");
        });
        assertThat(recorded.riskAssessments()).singleElement()
                .satisfies(risk -> assertThat(risk.level()).isEqualTo(RiskLevel.MYCKET_HOG));
        assertThat(recorded.currentDecision()).hasValueSatisfying(decision -> assertThat(decision.serious()).isTrue());
        assertThat(recorded.completion()).isPresent();
        assertThat(recorded.ivoReport()).hasValueSatisfying(report -> {
            assertThat(report.reportedOn()).isEqualTo(LocalDate.parse("2026-11-23"));
            assertThat(report.ivoReference()).isEqualTo("3.5.1-12345/2026");
        });

        String page = asSara(get("/arenden/" + caseId));
        assertThat(page).contains("Dubbelsignering av läkemedel infördes.", "Rutinen saknades i hela gruppen.",
                "Mycket hög (12)", "Allvarligt missförhållande", "Påtaglig risk för Svens hälsa.", "3.5.1-12345/2026",
                "Utredningen avslutades 2026-11-23 11:00 av sara.")
                .doesNotContain("utredningsanteckning-form", "riskbedomning-form", "beslut-form",
                        "avsluta-utredning-form", "ivo-form", "skollagen-form");
    }

    @Test
    void aNewLexSarahCaseOffersOnlyTheStepsItsStateAllowsAndItsInvestigationsReadIsAudited() throws Exception {
        CaseId caseId = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));

        String page = asSara(get("/arenden/" + caseId));

        assertThat(page).contains("<h2 id=\"utredning-rubrik\">Utredning</h2>", "Utredningen pågår.",
                        "utredningsanteckning-form", "riskbedomning-form")
                // lex Sarah decides within the investigation, reports with it, and completes it with a decision
                .doesNotContain("beslut-form", "ivo-form", "avsluta-utredning-form", "skollagen-form");
        assertThat(auditOf(caseId)).extracting(entry -> entry.getString("what") + " | " + entry.getString("why"))
                .containsExactlyInAnyOrder("GET /arenden/{caseId} | handläggning",
                        "GET /arenden/{caseId} | utredning av avvikelse");
    }

    @Test
    void badInputIsShownNextToItsFieldAndChangesNothing() throws Exception {
        CaseId caseId = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));
        String steps = "/arenden/" + caseId + "/avvikelse/";

        assertThat(expectBadRequest(post(steps + "utredningsanteckning").param("type", "").param("concerns", "22/11")
                .param("source", "").param("text", "")))
                .contains("<title>Fel: Ärende ", "id=\"entry-type-error\"", "Välj vad anteckningen gäller.",
                        "id=\"entry-concerns-error\"", "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-23.",
                        "Ange källan, t.ex. intervju med personal eller journal.", "Skriv anteckningen.",
                        "href=\"#entry-text\"", "aria-describedby=\"entry-text-hint entry-text-error\"",
                        "value=\"22/11\"");
        assertThat(expectBadRequest(post(steps + "utredningsanteckning").param("type", "vad-hande")
                .param("concerns", "2026-11-24").param("source", "journal").param("text", "I morgon.")))
                .contains("id=\"entry-concerns-error\"", "Datumet får inte ligga i framtiden.", "I morgon.");
        assertThat(expectBadRequest(post(steps + "utredningsanteckning").param("type", "orsaker")
                .param("concerns", "2026-11-22").param("source", "journal").param("text", "Orsaken.")
                .param("measureTakenAt", "2026-11-22T10:00")))
                .contains("id=\"entry-measureTakenAt-error\"", "Tidpunkt för åtgärd anges bara för en åtgärd");
        assertThat(expectBadRequest(post(steps + "riskbedomning").param("probability", "5").param("consequence", "")
                .param("motivation", "Hög.")))
                .contains("id=\"risk-probability-error\"", "Välj sannolikhet 1–4.", "id=\"risk-consequence-error\"",
                        "Välj konsekvens.");
        // lex Maria decides without an entry first, so its decision form is on the page to show the error at
        CaseId lexMaria = cases.open(avvikelse(LegalFlow.LEX_MARIA, "omsorg"));
        assertThat(mvc.perform(as("mas", post("/arenden/" + lexMaria + "/avvikelse/beslut")
                        .param("motivation", "Ingen ruta ikryssad.").with(csrf())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("Är det allvarlig vårdskada?", "id=\"decision-serious-error\"", "Välj om det är allvarligt.",
                        "href=\"#decision-serious\"", "Ingen ruta ikryssad.");

        for (CaseId unchanged : List.of(caseId, lexMaria)) {
            assertThat(cases.find(unchanged).avvikelse()).isNull();
            assertThat(cases.find(unchanged).history()).hasSize(1);
        }
        assertThat(auditOf(caseId)).extracting(entry -> entry.getString("why"))
                .contains("utredning av avvikelse");
    }

    @Test
    void aStepTheStateRefusesComesBackAsTheSwedishReasonOnThePageWithWhatWasTyped() throws Exception {
        CaseId caseId = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));

        MvcResult refused = mvc.perform(as("sara", post("/arenden/" + caseId + "/avvikelse/ivo-anmalan")
                        .param("reportedOn", "2026-11-23").param("ivoReference", "3.5.1-99/2026").with(csrf())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/arenden/" + caseId))
                .andExpect(flash().attribute("problem",
                        "Det finns inget beslut om att det är allvarligt missförhållande; bara det anmäls till IVO."))
                .andReturn();

        String page = mvc.perform(as("sara", get("/arenden/" + caseId)).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"problem\"",
                "Det finns inget beslut om att det är allvarligt missförhållande; bara det anmäls till IVO.",
                "Utredningen pågår.");
        assertThat(cases.find(caseId).avvikelse()).isNull();
    }

    @Test
    void theSkollagenChainIsRecordedStepByStepAndAStepDatedBeforeThePreviousIsRefused() throws Exception {
        CaseId caseId = cases.open(avvikelse(LegalFlow.KRANKANDE_BEHANDLING, "utbildning"));
        String steps = "/arenden/" + caseId + "/avvikelse/";
        assertThat(asRektor(get("/arenden/" + caseId))).contains("Anmälningskedjan (6 kap. 10 § skollagen)",
                        "action=\"" + steps + "anmalan-till-rektor\"", "När fick rektor anmälan?")
                .doesNotContain("utredningsanteckning-form", "riskbedomning-form", "beslut-form");

        mvc.perform(as("rektor", post(steps + "anmalan-till-rektor").param("occurredAt", "2026-11-23T08:15")
                        .with(csrf())))
                .andExpect(redirectedUrl("/arenden/" + caseId))
                .andExpect(flash().attribute("notice", "Anmälan till rektor är registrerad."));
        mvc.perform(as("rektor", post(steps + "anmalan-till-huvudman").param("occurredAt", "2026-11-23T08:00")
                        .with(csrf())))
                .andExpect(redirectedUrl("/arenden/" + caseId))
                .andExpect(flash().attribute("problem", "Rektors anmälan till huvudmannen kan inte ha skett före "
                        + "anmälan till rektor (2026-11-23 08:15)."));

        assertThat(cases.find(caseId).avvikelse().chain()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo(AvvikelseStep.REPORTED_TO_REKTOR);
            assertThat(step.occurredAt()).isEqualTo(Instant.parse("2026-11-23T07:15:00Z"));
        });
        assertThat(asRektor(get("/arenden/" + caseId))).contains("action=\"" + steps + "anmalan-till-huvudman\"",
                "När anmälde rektor till huvudmannen?", "2026-11-23 08:15");
    }

    @Test
    void everyStepsUrlOfAnotherLawsOrAnotherUnitsAvvikelseOrOfACaseThatIsNoneIsTheNotFoundPage() throws Exception {
        CaseId lexSarah = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));
        CaseId otherUnits = cases.open(avvikelse(LegalFlow.LEX_SARAH, "utbildning"));
        CaseId synpunkt = cases.open(synpunkt(STADSMILJO_CATEGORY, "Ingen avvikelse.", GRETA));

        expectNotFound(lexSarah, "mas"); // lex Maria's role, not lex Sarah's
        expectNotFound(lexSarah, "anna"); // no law's role, another unit
        expectNotFound(otherUnits, "sara"); // the law's role, another unit
        expectNotFound(synpunkt, "anna"); // her unit's case, but no avvikelse

        for (CaseId caseId : List.of(lexSarah, otherUnits)) {
            assertThat(cases.find(caseId).avvikelse()).isNull();
            assertThat(cases.find(caseId).history()).hasSize(1);
            assertThat(auditOf(caseId)).isEmpty();
        }
        assertThat(auditOf(synpunkt)).extracting(entry -> entry.getString("why")).doesNotContain(
                "utredning av avvikelse");
    }

    @Test
    void aStepPostedWithoutItsCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
        CaseId caseId = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));
        String steps = "/arenden/" + caseId + "/avvikelse/";

        for (MockHttpServletRequestBuilder request : List.of(
                post(steps + "utredningsanteckning").param("type", "vad-hande").param("concerns", "2026-11-22")
                        .param("source", "journal").param("text", "Utan token."),
                post(steps + "riskbedomning").param("probability", "1").param("consequence", "1")
                        .param("motivation", "Utan token."),
                post(steps + "beslut").param("serious", "nej").param("motivation", "Utan token."),
                post(steps + "ivo-anmalan").param("reportedOn", "2026-11-23").param("ivoReference", "1"),
                post(steps + "avsluta-utredning"),
                post(steps + "anmalan-till-rektor").param("occurredAt", "2026-11-22T08:00"))) {
            mvc.perform(as("sara", request)).andExpect(status().isForbidden());
        }

        assertThat(cases.find(caseId).avvikelse()).isNull();
        assertThat(cases.find(caseId).history()).hasSize(1);
    }

    private void expectNotFound(CaseId caseId, String username) throws Exception {
        String diarienummer = cases.find(caseId).diarienummer().value();
        for (MockHttpServletRequestBuilder request : AvvikelsePagePosts.every(caseId)) {
            MvcResult result = mvc.perform(as(username, request)).andExpect(status().isNotFound()).andReturn();
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
            assertThat(result.getResponse().getContentAsString()).contains("<title>Sidan finns inte")
                    .doesNotContain("Sven", diarienummer);
        }
    }

    private void expectSaved(CaseId caseId, String notice, MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(as("sara", request.with(csrf())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/arenden/" + caseId))
                .andExpect(flash().attribute("notice", notice));
    }

    private String expectBadRequest(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as("sara", request.with(csrf()))).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
    }

    private String asSara(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as("sara", request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String asRektor(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as("rektor", request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(username)));
    }
}
