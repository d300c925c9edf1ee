package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ApiDocumentationIntegrationTests extends IntakeIntegrationTestContext {

    private static final String SUBMIT = "$.paths['/api/v1/synpunkter'].post";

    @Test
    void theOpenApiDocumentDescribesTheSubmissionWithItsIdempotencyKeyAndResponsesWithoutALogin() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.info.title").value("Medborgardialog – intake API"))
                .andExpect(jsonPath(SUBMIT).exists())
                .andExpect(jsonPath(SUBMIT + ".parameters[*].name", hasItem("Idempotency-Key")))
                .andExpect(jsonPath(SUBMIT + ".responses", hasKey("202")))
                .andExpect(jsonPath(SUBMIT + ".responses", hasKey("400")))
                .andExpect(jsonPath(SUBMIT + ".responses['400'].content['application/problem+json']").exists())
                .andExpect(jsonPath(SUBMIT + ".responses['503'].headers['Retry-After']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/categories'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
    }

    @Test
    void theDocumentCoversTheJsonApiOnlyNotTheCitizenPages() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", not(hasKey("/synpunkt"))))
                .andExpect(jsonPath("$.paths", not(hasKey("/"))));
    }

    @Test
    void swaggerUiIsServedWithoutALogin() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
    }

    @Test
    void theDocumentationOpensNothingElseOfTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/anything-else")).andExpect(status().isUnauthorized());
    }
}
