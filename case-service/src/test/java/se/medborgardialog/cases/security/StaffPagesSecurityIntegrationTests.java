package se.medborgardialog.cases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.synpunkt;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import se.medborgardialog.cases.casework.CaseStatus;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;

class StaffPagesSecurityIntegrationTests extends CaseServerIntegrationTestContext {

    @Autowired
    UserDetailsService users;

    @Test
    void aFormPostWithoutACsrfTokenIsRefusedAndChangesNothing() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Utan token.", GRETA));

        mvc.perform(post("/arenden/" + caseId + "/svar").param("text", "Svar utan token.")
                        .with(user(users.loadUserByUsername("anna"))))
                .andExpect(status().isForbidden());
        assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.OPEN);

        mvc.perform(post("/arenden/" + caseId + "/svar").param("text", "Svar med token.")
                        .with(user(users.loadUserByUsername("anna"))).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/arenden/" + caseId));
        assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.ANSWERED);
    }

    @Test
    void theLoginPageIsTheStaffPagesSharedOneAndItsStylesheetIsServedWithoutASession() throws Exception {
        mvc.perform(get("/logga-in"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Logga in för att se och handlägga din enhets ärenden.")))
                .andExpect(content().string(containsString("href=\"/css/staff.css\"")))
                .andExpect(content().string(containsString("Medborgardialog – handläggning")));
        mvc.perform(get("/css/staff.css"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(".deadline")));
    }

    @Test
    void theLoginAndLogoutPostsNeedTheCsrfTokenToo() throws Exception {
        mvc.perform(post("/logga-in").param("username", "anna").param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logga-in").param("username", "anna").param("password", PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/arenden"));
        mvc.perform(post("/logga-ut").with(user(users.loadUserByUsername("anna"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLoginStartsASessionThatThePagesUseAndTheApiIgnores() throws Exception {
        MvcResult login = mvc.perform(post("/logga-in").param("username", "anna").param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        mvc.perform(get("/arenden").session(session)).andExpect(status().isOk());
        MvcResult api = mvc.perform(get("/api/v1/queue").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andReturn();
        assertThat(api.getResponse().getContentAsString()).contains("Inloggning krävs");
        mvc.perform(get("/api/v1/queue").with(httpBasic("anna", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aPageWithoutALoginGoesToTheLoginPageAndTheStartPageIsTheQueue() throws Exception {
        mvc.perform(get("/arenden")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/logga-in"));
        mvc.perform(get("/").with(user(users.loadUserByUsername("anna"))))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/arenden"));
        mvc.perform(get("/arenden").with(httpBasic("anna", PASSWORD)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/logga-in"));
    }

    @Test
    void thePagesSendStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/logga-in"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", StaffPagesSecurity.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        assertThat(StaffPagesSecurity.CONTENT_SECURITY_POLICY).contains("default-src 'none'")
                .doesNotContain("script-src", "unsafe-inline");
    }
}
