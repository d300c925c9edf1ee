package se.medborgardialog.intake.eforslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EforslagIntegrationTests extends IntakeIntegrationTestContext {

    static final String KOMMUN = "0000";

    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EforslagService eforslag;
    @Autowired
    ProposalStore store;

    @Test
    void submittingPublishesEforslagSubmittedKeyedByTheProposalAndAwaitsModeration() throws Exception {
        String proposer = People.next();
        JsonNode receipt = json(mvc.perform(post("/api/v1/e-forslag").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content(proposalJson("Cykelbana längs ån " + UUID.randomUUID(), proposer)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("AWAITING_MODERATION"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String id = receipt.get("proposalId").asString();

        List<ConsumerRecord<String, String>> records = topic.recordsWithKey(id);
        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), "ce_type")).isEqualTo(EventTypes.EFORSLAG_SUBMITTED);
        assertThat(records.get(0).value()).doesNotContain(proposer.replace("-", "").substring(2, 8) + proposer.substring(9));
        assertThat(store.find(UUID.fromString(id))).get()
                .extracting(Proposal::status).isEqualTo(ProposalStatus.AWAITING_MODERATION);
        // No readable personnummer anywhere in the stored proposal.
        assertThat(mongo.getCollection("eforslag").find(new org.bson.Document("_id", id)).first().toJson())
                .doesNotContain(proposer.substring(2, 8));
    }

    @Test
    void anInvalidPersonnummerIsA400NamingTheFieldAndStoresNothing() throws Exception {
        String title = "Ogiltigt nummer " + UUID.randomUUID();
        mvc.perform(post("/api/v1/e-forslag").contentType(MediaType.APPLICATION_JSON)
                        .content(proposalJson(title, "19800101-0002")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("personnummer"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Personnumret är inte giltigt: kontrollsiffran stämmer inte. Kontrollera att du skrivit rätt."));

        assertThat(mongo.exists(Query.query(Criteria.where("title").is(title)), Proposal.class)).isFalse();
    }

    @Test
    void signingWithAnInvalidPersonnummerIsA400NamingTheField() throws Exception {
        UUID id = publishedProposal();
        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON)
                        .content(signerJson("12345", KOMMUN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personnummer"));
        assertThat(store.countSignatures(id)).isZero();
    }

    @Test
    void onlyPeopleFolkbokfordaInTheMunicipalityMaySign() throws Exception {
        UUID id = publishedProposal();
        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON)
                        .content(signerJson(People.next(), "2284")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(store.countSignatures(id)).isZero();
    }

    @Test
    void aModeratorRejectsWithAReasonAndTheProposalCannotBeSigned() throws Exception {
        UUID id = submittedProposal("Avslås " + UUID.randomUUID());

        mvc.perform(post("/api/v1/e-forslag/" + id + "/avslag").with(httpBasic("mona", "utveckling"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(jsonMapper.writeValueAsString(Map.of("reason", "Gäller inte kommunens ansvar."))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectionReason").value("Gäller inte kommunens ansvar."));

        List<ConsumerRecord<String, String>> rejected = ofType(id, EventTypes.EFORSLAG_REJECTED);
        assertThat(rejected).hasSize(1);
        assertThat(json(rejected.get(0).value()).get("reason").asString()).isEqualTo("Gäller inte kommunens ansvar.");
        assertThat(json(rejected.get(0).value()).get("moderatedBy").asString()).isEqualTo("mona");

        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(People.next(), KOMMUN)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/e-forslag/" + id + "/publicering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isConflict());
    }

    @Test
    void aRejectionNeedsAReason() throws Exception {
        UUID id = submittedProposal("Utan skäl " + UUID.randomUUID());
        mvc.perform(post("/api/v1/e-forslag/" + id + "/avslag").with(httpBasic("anna", "utveckling"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(store.find(id)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.AWAITING_MODERATION);
    }

    @Test
    void onlyModeratorsAndOfficersModerate() throws Exception {
        UUID id = submittedProposal("Behörighet " + UUID.randomUUID());
        mvc.perform(post("/api/v1/e-forslag/" + id + "/publicering")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/e-forslag/" + id + "/publicering").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isForbidden());
        assertThat(store.find(id)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.AWAITING_MODERATION);
    }

    @Test
    void aProposalLikeOnePublishedWithinThePeriodIsRefusedInModeration() throws Exception {
        String title = "Badplats vid sjön " + UUID.randomUUID();
        publish(submittedProposal(title));
        UUID copy = submittedProposal("  " + title.toUpperCase() + "!");

        mvc.perform(post("/api/v1/e-forslag/" + copy + "/publicering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isConflict());
        assertThat(store.find(copy)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.AWAITING_MODERATION);
    }

    @Test
    void twentyParallelSignaturesFromOnePersonStoreExactlyOne() throws Exception {
        UUID id = publishedProposal();
        String person = People.next();

        List<Integer> statuses = parallel(20, i -> mvc.perform(post(signatures(id))
                .contentType(MediaType.APPLICATION_JSON).content(signerJson(person, KOMMUN)))
                .andReturn().getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(store.countSignatures(id)).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("proposalId").is(id.toString())), Signature.class))
                .isEqualTo(1);
    }

    @Test
    void reachingTheThresholdInARaceSendsExactlyOneEforslagSentToNamnd() throws Exception {
        UUID id = publishedProposal();
        int threshold = eforslag.properties().signatureThreshold();

        List<Integer> statuses = parallel(threshold + 3, i -> mvc.perform(post(signatures(id))
                .contentType(MediaType.APPLICATION_JSON).content(signerJson(People.next(), KOMMUN)))
                .andReturn().getResponse().getStatus());

        assertThat(statuses).contains(201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSizeGreaterThanOrEqualTo(threshold);
        List<ConsumerRecord<String, String>> sent = ofType(id, EventTypes.EFORSLAG_SENT_TO_NAMND);
        assertThat(sent).hasSize(1);
        JsonNode event = json(sent.get(0).value());
        assertThat(event.get("namnd").asString()).isEqualTo(eforslag.properties().namndFor("park-och-natur"));
        assertThat(event.get("signatures").asInt()).isGreaterThanOrEqualTo(threshold);
        assertThat(store.find(id)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.SENT_TO_NAMND);

        // A signature after that is refused: the proposal has left the signing stage.
        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(People.next(), KOMMUN)))
                .andExpect(status().isConflict());
    }

    @Test
    void aSignatureChangeACrashLeftHalfDoneIsCountedExactlyOnceAfterwards() throws Exception {
        UUID id = publishedProposal();
        String anna = People.next();
        String bo = People.next();
        for (String person : List.of(anna, bo)) {
            mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(person, KOMMUN)))
                    .andExpect(status().isCreated());
        }
        Query ofProposal = Query.query(Criteria.where("proposalId").is(id.toString()));
        List<Signature> signed = mongo.find(ofProposal, Signature.class);
        Signature annas = signed.get(0);
        Signature bos = signed.get(1);
        // Crashed attempts, an hour ago: a signing that stored its signature, one that did not, a withdrawal that
        // removed its signature (Bo's) and one that had only claimed it (Anna's).
        Signature stored = new Signature(UUID.randomUUID().toString(), id.toString(), "crashed-after-insert",
                NOW.minusSeconds(3600));
        mongo.insert(stored);
        mongo.remove(Query.query(Criteria.where("_id").is(bos.id())), Signature.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(annas.id())),
                new Update().set("withdrawing", "w2").set("withdrawingAt", NOW.minusSeconds(3600)), Signature.class);
        note(id, stored.id(), "SIGN", null);
        note(id, UUID.randomUUID().toString(), "SIGN", null);
        note(id, "w1", "WITHDRAW", bos.id());
        note(id, "w2", "WITHDRAW", annas.id());

        assertThat(store.countSignatures(id)).isEqualTo(2);
        assertThat(store.countSignatures(id)).isEqualTo(2);
        assertThat(mongo.count(ofProposal, Signature.class)).isEqualTo(2);
        assertThat(mongo.findById(id.toString(), org.bson.Document.class, SignatureCounts.COLLECTION)
                .getList("pending", org.bson.Document.class)).isEmpty();
        // Anna's signature is hers again to withdraw.
        mvc.perform(delete(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(anna, KOMMUN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signatures").value(1));
    }

    private void note(UUID proposal, String token, String change, String signature) {
        org.bson.Document note = new org.bson.Document("t", token).append("c", change)
                .append("at", java.util.Date.from(NOW.minusSeconds(3600)));
        if (signature != null) {
            note.append("sig", signature);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(proposal.toString())), new Update().push("pending", note),
                SignatureCounts.COLLECTION);
    }

    @Test
    void signaturesStoredBeforeThereWereCountsAreCountedOnceAtStart() throws Exception {
        UUID id = publishedProposal();
        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(People.next(), KOMMUN)))
                .andExpect(status().isCreated());
        mongo.remove(Query.query(Criteria.where("_id").in(id.toString(), "_filled")), SignatureCounts.COLLECTION);
        assertThat(store.countSignatures(id)).isZero();

        new SignatureCounts(mongo, IntakeIntegrationTestContext.clock()).fillOnce();

        assertThat(store.countSignatures(id)).isEqualTo(1);
    }

    @Test
    void aSignerWithdrawsTheirSignatureWhileOpen() throws Exception {
        UUID id = publishedProposal();
        String person = People.next();
        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(person, KOMMUN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.signatures").value(1));

        mvc.perform(delete(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(person, KOMMUN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signatures").value(0));
        assertThat(store.countSignatures(id)).isZero();

        mvc.perform(delete(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(person, KOMMUN)))
                .andExpect(status().isNotFound());
        // and may sign again
        mvc.perform(post(signatures(id)).contentType(MediaType.APPLICATION_JSON).content(signerJson(person, KOMMUN)))
                .andExpect(status().isCreated());
    }

    @Test
    void thePublicListShowsPublishedProposalsWithSignaturesAndDaysLeft() throws Exception {
        UUID id = publishedProposal();
        eforslag.sign(id, new se.medborgardialog.intake.eforslag.identity.IdentityEvidence(People.next(), KOMMUN));
        UUID waiting = submittedProposal("Inte publicerad " + UUID.randomUUID());

        JsonNode list = json(mvc.perform(get("/api/v1/e-forslag"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        JsonNode mine = null;
        for (JsonNode node : list) {
            assertThat(node.get("id").asString()).isNotEqualTo(waiting.toString());
            if (node.get("id").asString().equals(id.toString())) {
                mine = node;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("signatures").asLong()).isEqualTo(1);
        assertThat(mine.get("daysLeft").asLong()).isEqualTo(90);
    }

    @Test
    void theScannerExpiresAProposalWhoseWindowClosedBelowTheThreshold() throws Exception {
        Instant longAgo = NOW.minus(Period.ofDays(100));
        Proposal old = Proposal.submitted(UUID.randomUUID(), "AAAA-BBBB-CCCC-DDDD", "Gammalt " + UUID.randomUUID(),
                "Text", "ovrigt", "medborgarservice", "hash", longAgo);
        old.publish(longAgo, Period.ofDays(90), 3, "mona");
        store.insertIfAbsent(old);
        UUID open = publishedProposal();

        eforslag.expireDue(NOW);
        eforslag.expireDue(NOW); // a second scan (or instance) changes nothing

        assertThat(store.find(old.id())).get().extracting(Proposal::status).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(store.find(open)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.PUBLISHED);
        List<ConsumerRecord<String, String>> expired = ofType(old.id(), EventTypes.EFORSLAG_EXPIRED);
        assertThat(expired).hasSize(1);
        assertThat(json(expired.get(0).value()).get("signatures").asInt()).isZero();
    }

    // --- helpers

    interface Task {
        int run(int i) throws Exception;
    }

    static List<Integer> parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return task.run(n);
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    UUID submittedProposal(String title) throws Exception {
        JsonNode receipt = json(mvc.perform(post("/api/v1/e-forslag").contentType(MediaType.APPLICATION_JSON)
                        .content(proposalJson(title, People.next())))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return UUID.fromString(receipt.get("proposalId").asString());
    }

    void publish(UUID id) throws Exception {
        mvc.perform(post("/api/v1/e-forslag/" + id + "/publicering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    UUID publishedProposal() throws Exception {
        UUID id = submittedProposal("Fler parkbänkar " + UUID.randomUUID());
        publish(id);
        return id;
    }

    String proposalJson(String title, String personnummer) {
        return jsonMapper.writeValueAsString(Map.of("title", title, "text", "Det behövs fler bänkar i parken.",
                "category", "park-och-natur", "personnummer", personnummer, "kommun", KOMMUN));
    }

    String signerJson(String personnummer, String kommun) {
        return jsonMapper.writeValueAsString(Map.of("personnummer", personnummer, "kommun", kommun));
    }

    static String signatures(UUID id) {
        return "/api/v1/e-forslag/" + id + "/underskrifter";
    }

    List<ConsumerRecord<String, String>> ofType(UUID id, String type) {
        return topic.recordsWithKey(id.toString()).stream().filter(r -> type.equals(header(r, "ce_type"))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    JsonNode json(String text) {
        return jsonMapper.readTree(text);
    }
}
