package se.medborgardialog.intake.eforslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import se.medborgardialog.intake.publishing.IdempotencyRecord;
import se.medborgardialog.intake.submission.BrokerStoppedIntegrationTestContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signature that completes the threshold while the broker is down: it is stored and counts, so the signer is told
 * so (201), not asked to retry; the proposal waits as THRESHOLD_REACHED with its event to the nämnd kept unpublished,
 * which the expiry scanner sends again.
 */
class EforslagThresholdWithoutKafkaIntegrationTests extends BrokerStoppedIntegrationTestContext {

    @Autowired
    JsonMapper json;
    @Autowired
    EforslagService eforslag;
    @Autowired
    ProposalStore store;

    @Test
    void theSignatureThatCompletesTheThresholdCountsThoughTheNamndIsNotYetTold() throws Exception {
        UUID id = publishedProposal();
        int threshold = eforslag.properties().signatureThreshold();
        for (int i = 1; i < threshold; i++) {
            sign(id, People.next()).andExpect(status().isCreated());
        }
        broker.destroy();

        sign(id, People.next())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.signed").value(true))
                .andExpect(jsonPath("$.signatures").value(threshold))
                .andExpect(jsonPath("$.status").value("THRESHOLD_REACHED"));

        assertThat(store.countSignatures(id)).isEqualTo(threshold);
        assertThat(store.find(id)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.THRESHOLD_REACHED);
        IdempotencyRecord toNamnd = mongo.findById("eforslag-sent-to-namnd:" + id, IdempotencyRecord.class);
        assertThat(toNamnd).isNotNull();
        assertThat(toNamnd.published()).isFalse();
        // a later signer is told the collection has closed
        sign(id, People.next()).andExpect(status().isConflict());
    }

    private org.springframework.test.web.servlet.ResultActions sign(UUID id, String personnummer) throws Exception {
        return mvc.perform(post("/api/v1/e-forslag/" + id + "/underskrifter").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("personnummer", personnummer, "kommun", "0000"))));
    }

    private UUID publishedProposal() throws Exception {
        String receipt = mvc.perform(post("/api/v1/e-forslag").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "Fler parkbänkar " + UUID.randomUUID(),
                                "text", "Det behövs fler bänkar i parken.", "category", "park-och-natur",
                                "personnummer", People.next(), "kommun", "0000"))))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        UUID id = UUID.fromString(json.readTree(receipt).get("proposalId").asString());
        mvc.perform(post("/api/v1/e-forslag/" + id + "/publicering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isOk());
        return id;
    }
}
