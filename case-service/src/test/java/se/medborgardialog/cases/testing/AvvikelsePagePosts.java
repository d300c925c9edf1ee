package se.medborgardialog.cases.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.CaseId;

/** Every post of the avvikelse's steps on the case page, each with valid fields and a CSRF token. */
public final class AvvikelsePagePosts {

    private AvvikelsePagePosts() {
    }

    public static List<MockHttpServletRequestBuilder> every(CaseId caseId) {
        String steps = "/arenden/" + caseId + "/avvikelse/";
        return List.of(
                post(steps + "utredningsanteckning").param("type", "vad-hande").param("concerns", "2026-11-22")
                        .param("source", "journal").param("text", "Det som hände.").with(csrf()),
                post(steps + "riskbedomning").param("probability", "2").param("consequence", "2")
                        .param("motivation", "Liten risk.").with(csrf()),
                post(steps + "beslut").param("serious", "nej").param("motivation", "Inte allvarligt.").with(csrf()),
                post(steps + "ivo-anmalan").param("reportedOn", "2026-11-23").param("ivoReference", "3.5.1-1/2026")
                        .with(csrf()),
                post(steps + "avsluta-utredning").with(csrf()),
                post(steps + "anmalan-till-rektor").param("occurredAt", "2026-11-22T08:00").with(csrf()),
                post(steps + "anmalan-till-huvudman").param("occurredAt", "2026-11-22T09:00").with(csrf()),
                post(steps + "utredning-inledd").param("occurredAt", "2026-11-22T10:00").with(csrf()));
    }
}
