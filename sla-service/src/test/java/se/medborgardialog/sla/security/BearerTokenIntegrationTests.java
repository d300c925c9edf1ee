package se.medborgardialog.sla.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineStore;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.TestTokens;
import se.medborgardialog.workingdays.SwedishCalendar;

/** sla-service as production runs it: the OIDC provider's signed tokens, their units deciding what a user sees. */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES})
class BearerTokenIntegrationTests {

    private static final TestTokens tokens = TestTokens.create();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("sla-oidc-it"));
        tokens.configure(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DeadlineStore store;
    @Autowired
    SwedishCalendar calendar;

    @Test
    void aTokensUnitsDecideWhoseDeadlinesItShowsAndOthersAreNotFound() throws Exception {
        CaseId caseId = new CaseId(UUID.randomUUID());
        Instant received = Instant.parse("2026-12-01T09:00:00Z");
        store.insert(Deadline.schedule(caseId, "stadsmiljo", Deadline.FIRST_ANSWER, 2, received,
                calendar.deadline(received, 2), received));

        mvc.perform(get("/api/v1/deadlines/" + caseId).header("Authorization",
                        "Bearer " + tokens.forUser("anna", List.of("officer"), List.of("stadsmiljo"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit").value("stadsmiljo"));
        mvc.perform(get("/api/v1/deadlines/" + caseId).header("Authorization",
                        "Bearer " + tokens.forUser("bertil", List.of("officer"), List.of("medborgarservice"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesAMissingOrForeignTokenAndTheDevelopmentPasswordsWithABearerChallenge() throws Exception {
        String path = "/api/v1/deadlines/" + UUID.randomUUID();

        String challenge = mvc.perform(get(path)).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andReturn().getResponse().getHeader("WWW-Authenticate");
        assertThat(challenge).startsWith("Bearer");
        mvc.perform(get(path).header("Authorization",
                        "Bearer " + tokens.signedByAnotherKey("anna", List.of("officer"), List.of("stadsmiljo"))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(path).with(request -> {
            request.addHeader("Authorization", "Basic YW5uYTp1dHZlY2tsaW5n"); // anna:utveckling
            return request;
        })).andExpect(status().isUnauthorized());
    }
}
