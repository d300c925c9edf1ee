package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.MEDBORGARSERVICE_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.synpunkt;

import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.cases.testing.AvvikelsePagePosts;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;

class CasePageIntegrationTests extends CaseServerIntegrationTestContext {

    @Autowired
    UserDetailsService users;

    @Test
    void everyPageUrlOfAnotherUnitsCaseAnswersTheNotFoundPageAndChangesNothing() throws Exception {
        CaseId caseId = cases.open(synpunkt(MEDBORGARSERVICE_CATEGORY, "Bara för medborgarservice.", GRETA));
        String diarienummer = cases.find(caseId).diarienummer().value();
        String page = "/arenden/" + caseId;

        List<MockHttpServletRequestBuilder> requests = new ArrayList<>(List.of(get(page), get(page + "/historik.csv"),
                post(page + "/svar").param("text", "Ett svar.").with(csrf()),
                post(page + "/svar").param("text", "").with(csrf()),
                post(page + "/avslut").param("outcome", "dubblett").with(csrf()),
                post(page + "/ta").with(csrf()),
                post(page + "/tilldela").param("assignee", "bertil").with(csrf()),
                post(page + "/slapp").with(csrf()),
                post(page + "/skicka-vidare").param("unit", "stadsmiljo").with(csrf()),
                post(page + "/fraga").param("text", "En fråga.").with(csrf()),
                post(page + "/medborgarsvar").param("text", "Ett svar.").with(csrf()),
                post(page + "/anteckning").param("text", "En anteckning.").with(csrf()),
                post(page + "/oppna-igen").param("text", "Ett skäl.").with(csrf()),
                post(page + "/koppla").param("diarienummer", diarienummer).param("relation", "related")
                        .with(csrf())));
        requests.addAll(AvvikelsePagePosts.every(caseId));
        for (MockHttpServletRequestBuilder request : requests) {
            MvcResult result = mvc.perform(asAnna(request)).andExpect(status().isNotFound()).andReturn();
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
            assertThat(result.getResponse().getContentAsString()).contains("<title>Sidan finns inte")
                    .doesNotContain("Bara för medborgarservice", "Greta", diarienummer);
        }

        assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.find(caseId).history()).hasSize(1);
        assertThat(cases.find(caseId).assignee()).isNull();
        assertThat(cases.find(caseId).notes()).isEmpty();
        assertThat(auditOf(caseId)).isEmpty();
    }

    @Test
    void aCaseThatDoesNotExistOrAMalformedIdIsNotFoundToo() throws Exception {
        mvc.perform(asAnna(get("/arenden/" + UUID.randomUUID()))).andExpect(status().isNotFound());
        mvc.perform(asAnna(get("/arenden/inte-ett-id"))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Sidan finns inte")));
    }

    @Test
    void anUnknownOutcomeIsShownNextToTheFieldAndChangesNothing() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Okänt utfall.", GRETA));

        MvcResult result = mvc.perform(asAnna(post("/arenden/" + caseId + "/avslut").param("outcome", "glömt")
                        .with(csrf())))
                .andExpect(status().isBadRequest())
                .andReturn();

        assertThat(result.getResponse().getContentAsString())
                .contains("<title>Fel: Ärende ", "id=\"close-outcome-error\"", "Välj ett av utfallen i listan.",
                        "aria-describedby=\"close-outcome-hint close-outcome-error\"", "href=\"#close-outcome\"");
        assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(auditOf(caseId)).extracting(entry -> entry.getString("what"))
                .containsExactly("POST /arenden/{caseId}/avslut");
    }

    @Test
    void theHistoryApiAnswersTheUnitsCaseAsJsonAndAnotherUnitsCaseNotFound() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Historik som JSON.", GRETA));
        String diarienummer = cases.find(caseId).diarienummer().value();

        mvc.perform(get("/api/v1/cases/" + caseId + "/history").with(httpBasic("anna", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value(caseId.toString()))
                .andExpect(jsonPath("$.diarienummer").value(diarienummer))
                .andExpect(jsonPath("$.history[0].who").value("system"))
                .andExpect(jsonPath("$.history[0].what").value("registrerat som " + diarienummer + " hos stadsmiljo"))
                .andExpect(jsonPath("$.history[0].when").value(NOW.toString()));
        MvcResult foreign = mvc.perform(get("/api/v1/cases/" + caseId + "/history").with(httpBasic("bertil", PASSWORD)))
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(foreign.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(foreign.getResponse().getContentAsString()).doesNotContain(diarienummer);
    }

    private MockHttpServletRequestBuilder asAnna(MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername("anna")));
    }
}
