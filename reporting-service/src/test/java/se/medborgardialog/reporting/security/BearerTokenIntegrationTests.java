package se.medborgardialog.reporting.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.TestTokens;

/** reporting-service as production runs it: roles from the OIDC provider's signed tokens decide who gets figures. */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES})
class BearerTokenIntegrationTests {

    private static final TestTokens tokens = TestTokens.create();
    private static final String STATISTICS = "/api/v1/statistics/synpunkter?from=2026-11-01&to=2026-11-30";

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-oidc-it"));
        tokens.configure(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aStatisticianOrManagerTokenGetsFiguresAnOfficerTokenIsRefused() throws Exception {
        mvc.perform(get(STATISTICS).header("Authorization",
                "Bearer " + tokens.forUser("stina", List.of("statistician"), List.of()))).andExpect(status().isOk());
        mvc.perform(get(STATISTICS + "&unit=stadsmiljo").header("Authorization",
                        "Bearer " + tokens.forUser("maria", List.of("manager"), List.of("stadsmiljo"))))
                .andExpect(status().isOk());
        mvc.perform(get(STATISTICS).header("Authorization",
                        "Bearer " + tokens.forUser("anna", List.of("officer"), List.of("stadsmiljo"))))
                .andExpect(status().isForbidden());
        mvc.perform(get(STATISTICS)).andExpect(status().isUnauthorized());
    }

    @Test
    void aManagerTokenIsRefusedAnotherUnitsFigures() throws Exception {
        mvc.perform(get(STATISTICS + "&unit=omsorg").header("Authorization",
                        "Bearer " + tokens.forUser("maria", List.of("manager"), List.of("stadsmiljo"))))
                .andExpect(status().isForbidden());
    }
}
