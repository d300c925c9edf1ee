package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.AvvikelseStepRecorded;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.DecisionDemanded;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;

/** The catalogue of guarantees through the administrator API, and the clocks it starts (setup in the support class). */
class GuaranteeCatalogueIntegrationTests extends SlaIntegrationTestSupport {

    private static String parkGuarantee(String title, String duration) {
        return """
                {"id": "parkbanken-%s", "municipality": "Exempelkommun", "namnd": "Tekniska nämnden",
                 "title": "%s", "type": "TJANSTEGARANTI",
                 "covers": {"caseTypes": ["SYNPUNKT"], "categories": ["%s"]},
                 "clock": "parkbank", "duration": "%s", "warnings": ["50%%", "PT2H"],
                 "compensation": {"text": "Vi bjuder på fika i parken"}}"""
                .formatted("ID", title, "CATEGORY", duration);
    }

    private static CaseOpened synpunkt(CaseId caseId, String category) {
        return new CaseOpened(caseId, new SubmissionId(caseId.value()), null, SynpunktKind.KLAGOMAL, category,
                Channel.WEB, "stadsmiljo", MONDAY, MONDAY, CaseType.SYNPUNKT, null);
    }

    private DeadlineScheduled scheduled(CaseId caseId, String clock) {
        return org.awaitility.Awaitility.await().atMost(PATIENCE)
                .until(() -> eventsOf(caseId, EventTypes.DEADLINE_SCHEDULED).stream()
                        .map(r -> json.readValue(r.value(), DeadlineScheduled.class))
                        .filter(s -> s.clock().equals(clock)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void anAdministratorsNewGuaranteeStartsClocksForLaterCasesAndAChangeOnlyForCasesAfterIt() throws Exception {
        String category = "park-" + newCase().value().toString().substring(0, 8);
        String body = parkGuarantee("Trasig parkbänk lagas inom fem arbetsdagar", "P5WD")
                .replace("ID", category).replace("CATEGORY", category);

        mvc.perform(post("/api/v1/guarantees").with(httpBasic("ada", "utveckling"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.recordedBy").value("ada"));
        mvc.perform(post("/api/v1/guarantees").with(httpBasic("ada", "utveckling"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        CaseId first = newCase();
        cases.send(synpunkt(first, category));
        DeadlineScheduled v1 = scheduled(first, "parkbank");
        assertThat(v1.guarantee()).isEqualTo(new GuaranteeRef("parkbanken-" + category, 1,
                "Trasig parkbänk lagas inom fem arbetsdagar", GuaranteeType.TJANSTEGARANTI));
        assertThat(v1.duration()).isEqualTo("P5WD");
        assertThat(v1.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(scheduled(first, "first-answer").guarantee().id()).isEqualTo("synpunkt-svar-2-arbetsdagar");

        String changed = parkGuarantee("Trasig parkbänk lagas inom åtta timmar", "PT8H")
                .replace("ID", category).replace("CATEGORY", category);
        mvc.perform(put("/api/v1/guarantees/{id}", "parkbanken-" + category).with(httpBasic("ada", "utveckling"))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/guarantees/{id}", "parkbanken-" + category).with(httpBasic("ada", "utveckling"))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isConflict());

        CaseId second = newCase();
        cases.send(synpunkt(second, category));
        DeadlineScheduled v2 = scheduled(second, "parkbank");
        assertThat(v2.guarantee().version()).isEqualTo(2);
        assertThat(v2.dueAt()).isEqualTo(MONDAY.plus(Duration.ofHours(8)));

        // The first case's clock keeps the version it started with.
        mvc.perform(get("/api/v1/deadlines/{caseId}", first).with(httpBasic("anna", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clocks[?(@.clock == 'parkbank')].guarantee.version").value(1))
                .andExpect(jsonPath("$.clocks[?(@.clock == 'parkbank')].duration").value("P5WD"));
        mvc.perform(get("/api/v1/guarantees/{id}/versions", "parkbanken-" + category).with(httpBasic("maria", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].duration").value("P5WD"))
                .andExpect(jsonPath("$[1].duration").value("PT8H"));

        mvc.perform(delete("/api/v1/guarantees/{id}", "parkbanken-" + category).with(httpBasic("ada", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.active").value(false));
        CaseId third = newCase();
        cases.send(synpunkt(third, category));
        scheduled(third, "first-answer");
        awaitBarrier();
        assertThat(eventsOf(third, EventTypes.DEADLINE_SCHEDULED)).hasSize(1);
    }

    @Test
    void onlyAdministratorsChangeTheCatalogueAndManagersMayReadIt() throws Exception {
        mvc.perform(get("/api/v1/guarantees")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/guarantees").with(httpBasic("anna", "utveckling"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/guarantees").with(httpBasic("maria", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'synpunkt-svar-2-arbetsdagar')].clock").value("first-answer"));
        mvc.perform(get("/api/v1/guarantees/{id}", "gatubelysning-3-veckor").with(httpBasic("ada", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.duration").value("P3W"))
                .andExpect(jsonPath("$.recordedBy").value("konfiguration"));
        mvc.perform(post("/api/v1/guarantees").with(httpBasic("maria", "utveckling"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/guarantees/{id}", "gatubelysning-3-veckor").with(httpBasic("anna", "utveckling")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/guarantees/{id}", "finns-inte").with(httpBasic("ada", "utveckling")))
                .andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/v1/guarantees").with(httpBasic("ada", "utveckling"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"id": "trasig-garanti", "municipality": "Exempelkommun", "namnd": "Tekniska nämnden",
                                 "title": "Trasig", "type": "TJANSTEGARANTI", "clock": "trasig", "duration": "tre veckor",
                                 "covers": {"caseTypes": ["BYGGLOV"]}, "warnings": ["150%"], "startOn": ["NEVER"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "covers.caseTypes[0]", "duration", "startOn[0]", "warnings[0]")));
        mvc.perform(get("/api/v1/guarantees/{id}", "trasig-garanti").with(httpBasic("ada", "utveckling")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/guarantees/{id}", "gatubelysning-3-veckor").with(httpBasic("ada", "utveckling"))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content("""
                                {"municipality": "Exempelkommun", "namnd": "Tekniska nämnden", "title": "Gatubelysning",
                                 "type": "TJANSTEGARANTI", "clock": "gatubelysning", "duration": "P0WD"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("duration"));
        mvc.perform(get("/api/v1/guarantees/{id}/versions", "gatubelysning-3-veckor").with(httpBasic("ada", "utveckling")))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anAvvikelsesLegalClocksStartAndStopOnItsSteps() {
        CaseId caseId = newCase();
        cases.send(new CaseOpened(caseId, new SubmissionId(caseId.value()), null, null, null, Channel.WEB, "omsorg",
                MONDAY, MONDAY, CaseType.AVVIKELSE, LegalFlow.LEX_SARAH));
        scheduled(caseId, "lex-sarah-utredning");
        Instant started = MONDAY.plus(Duration.ofHours(3));

        cases.send(EventTypes.AVVIKELSE_STEP_RECORDED, caseId, new AvvikelseStepRecorded(caseId, "omsorg",
                LegalFlow.LEX_SARAH, AvvikelseStep.INVESTIGATION_STARTED, started, null, "sara", started));
        cases.send(EventTypes.AVVIKELSE_STEP_RECORDED, caseId, new AvvikelseStepRecorded(caseId, "omsorg",
                LegalFlow.LEX_SARAH, AvvikelseStep.DECIDED, started.plus(Duration.ofDays(2)), true, "sara",
                started.plus(Duration.ofDays(2))));

        var met = org.awaitility.Awaitility.await().atMost(PATIENCE)
                .until(() -> eventsOf(caseId, EventTypes.DEADLINE_MET), list -> list.size() == 2).stream()
                .map(r -> json.readValue(r.value(), DeadlineMet.class)).toList();
        assertThat(met).extracting(DeadlineMet::clock).containsExactly("lex-sarah-utredning", "lex-sarah-beslut");
        assertThat(met.get(0).guarantee().type()).isEqualTo(GuaranteeType.LAGKRAV);
        DeadlineScheduled decision = scheduled(caseId, "lex-sarah-beslut");
        assertThat(decision.receivedAt()).isEqualTo(started);
        DeadlineScheduled ivo = scheduled(caseId, "lex-sarah-ivo");
        assertThat(ivo.dueDate()).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void aDemandForADecisionStartsTheFourWeekClockOfFl12() {
        CaseId caseId = newCase();
        cases.send(synpunkt(caseId, "ovrigt"));
        scheduled(caseId, "first-answer");
        Instant demanded = MONDAY.plus(Duration.ofDays(1));

        cases.send(EventTypes.DECISION_DEMANDED, caseId, new DecisionDemanded(caseId, "stadsmiljo", demanded, "anna", demanded));

        DeadlineScheduled fl12 = scheduled(caseId, "fl-12-avgorande");
        assertThat(fl12.receivedAt()).isEqualTo(demanded);
        assertThat(fl12.duration()).isEqualTo("P4W");
        assertThat(fl12.dueDate()).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(fl12.guarantee().type()).isEqualTo(GuaranteeType.LAGKRAV);
    }
}
