package se.medborgardialog.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files sent with a synpunkt or a felanmälan through the multipart API: detected, stored encrypted before the
 * event, carried by reference on Kafka, and opened only by staff of the case's unit, each time audited.
 */
class AttachmentIntegrationTests extends IntakeIntegrationTestContext {

    private static final String SYNPUNKT = """
            {"kind":"klagomål","category":"gata-och-trafik","text":"Trasig lykta, se bilden och kvittot.",
             "contact":{"name":"Eva Ek","email":"eva@example.se"}}""";
    private static final String ANONYMOUS_SYNPUNKT = """
            {"kind":"förslag","category":"park-och-natur","text":"En bänk här vore fint, se bilden."}""";
    private static final String FELANMALAN = """
            {"category":"klotter","description":"Klotter på skolans vägg.",
             "location":{"address":"Skolvägen 3"}}""";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    Attachments attachments;
    @Autowired
    AttachmentReadBack readBack;
    @Autowired
    AttachmentStore store;

    @Test
    void aSynpunktWithAPngAndAPdfIsAcceptedAndItsEventCarriesReferencesWithTheDetectedTypesAndDigests()
            throws Exception {
        byte[] png = TestFiles.png(0x010203);
        byte[] pdf = TestFiles.pdf();

        JsonNode receipt = accepted(synpunkt(SYNPUNKT, file("attachments", "lykta.png", png),
                file("attachments", "kvitto.pdf", pdf)));

        assertThat(receipt.get("attachments").values()).extracting(JsonNode::asString)
                .containsExactly("lykta.png", "kvitto.pdf");
        JsonNode event = eventOf(receipt.get("submissionId").asString());
        JsonNode refs = event.get("attachments");
        assertThat(refs).hasSize(2);
        assertThat(refs.get(0).get("fileName").asString()).isEqualTo("lykta.png");
        assertThat(refs.get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(refs.get(0).get("size").asLong()).isEqualTo(png.length);
        assertThat(refs.get(0).get("sha256").asString()).isEqualTo(AttachmentRules.sha256(png));
        assertThat(refs.get(1).get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(refs.get(1).get("sha256").asString()).isEqualTo(AttachmentRules.sha256(pdf));
        assertThat(event.toString()).doesNotContain("JVBERi0").doesNotContain("iVBORw0KGgo");
    }

    @Test
    void theStoredBytesAreEncryptedAndNotThePlaintext() throws Exception {
        byte[] pdf = TestFiles.pdf();
        JsonNode receipt = accepted(synpunkt(SYNPUNKT, file("attachments", "kvitto.pdf", pdf)));
        String id = eventOf(receipt.get("submissionId").asString()).get("attachments").get(0).get("id").asString();

        byte[] stored = storedBytes(id);

        assertThat(stored).isNotEmpty().isNotEqualTo(pdf);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF").doesNotContain("Catalog");
        Document file = mongo.findById(id, Document.class, AttachmentStore.FILES);
        assertThat(file.get("metadata", Document.class).getString("sha256")).isEqualTo(AttachmentRules.sha256(pdf));
    }

    @Test
    void staffOfTheCasesUnitDownloadTheExactBytesAsAnAttachmentAndEachDownloadIsAudited() throws Exception {
        byte[] png = TestFiles.png(0x0a0b0c);
        JsonNode receipt = accepted(synpunkt(ANONYMOUS_SYNPUNKT, file("attachments", "bänk på torget.png", png)));
        String caseId = receipt.get("submissionId").asString();
        String id = eventOf(caseId).get("attachments").get(0).get("id").asString();
        caseOpenedIn(caseId, "stadsmiljo");

        MockHttpServletResponse download = await().atMost(Duration.ofSeconds(30)).until(
                () -> mvc.perform(get("/api/v1/attachments/{id}", id).param("reason", "Utredning av förslaget")
                        .with(httpBasic("anna", "utveckling"))).andReturn().getResponse(),
                response -> response.getStatus() == 200);

        assertThat(download.getContentAsByteArray()).isEqualTo(png);
        assertThat(download.getContentType()).isEqualTo("image/png");
        assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"baenk pa torget.png\"; "
                        + "filename*=UTF-8''b%C3%A4nk%20p%C3%A5%20torget.png");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        List<Document> audit = mongo.find(Query.query(Criteria.where("attachmentId").is(id)), Document.class,
                AttachmentController.AUDIT);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString("user")).isEqualTo("anna");
        assertThat(audit.get(0).getString("caseId")).isEqualTo(caseId);
        assertThat(audit.get(0).getString("reason")).isEqualTo("Utredning av förslaget");
        assertThat(audit.get(0).getDate("at").toInstant()).isEqualTo(NOW);

        mvc.perform(get("/api/v1/attachments/{id}", id).with(httpBasic("maria", "utveckling")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/attachments/{id}", id).with(httpBasic("bertil", "utveckling")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments/{id}", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/attachments/{id}", id).with(httpBasic("stina", "utveckling")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/attachments/{id}", UUID.randomUUID().toString())
                .with(httpBasic("anna", "utveckling"))).andExpect(status().isNotFound());
        assertThat(mongo.count(Query.query(Criteria.where("attachmentId").is(id)), AttachmentController.AUDIT))
                .isEqualTo(2);
    }

    @Test
    void aForwardedCasesAttachmentsGoToTheStaffOfTheUnitThatHasItNowNotTheOneThatSentIt() throws Exception {
        JsonNode receipt = accepted(synpunkt(ANONYMOUS_SYNPUNKT, file("attachments", "skylt.png", TestFiles.png(0x0d0e0f))));
        String caseId = receipt.get("submissionId").asString();
        String id = eventOf(caseId).get("attachments").get(0).get("id").asString();
        caseOpenedIn(caseId, "stadsmiljo");
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/api/v1/attachments/{id}", id)
                .with(httpBasic("anna", "utveckling"))).andReturn().getResponse().getStatus() == 200);

        events.send(Topics.CASES, caseId, EventTypes.CASE_FORWARDED, new CaseForwarded(
                new CaseId(UUID.fromString(caseId)), "stadsmiljo", "medborgarservice", "anna", NOW));

        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/api/v1/attachments/{id}", id)
                .with(httpBasic("bertil", "utveckling"))).andReturn().getResponse().getStatus() == 200);
        mvc.perform(get("/api/v1/attachments/{id}", id).with(httpBasic("anna", "utveckling")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anHtmlPageNamedLikeAPhotoIsRefusedNamingItsFieldAndNothingIsStoredOrPublished() throws Exception {
        long filesBefore = storedFiles();
        long recordsBefore = topic.size();

        String problem = mvc.perform(synpunkt(SYNPUNKT, file("attachments", "lykta.png", TestFiles.png(0x111111)),
                        file("attachments", "foto.jpg", TestFiles.html())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JsonNode errors = jsonMapper.readTree(problem).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("attachments[1]");
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("Filen ”foto.jpg” är inte en bild eller PDF (innehållet är text/html).");
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(topic.size()).isEqualTo(recordsBefore);
    }

    @Test
    void aZipNamedLikeAPhotoOrAPdfIsRefusedAsAFelanmalanPhoto() throws Exception {
        long filesBefore = storedFiles();

        String problem = mvc.perform(felanmalan(file("photos", "klotter.jpg", TestFiles.zip()),
                        file("photos", "karta.pdf", TestFiles.pdf())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(jsonMapper.readTree(problem).get("errors").values()).extracting(error -> error.get("field").asString())
                .containsExactly("photos[0]", "photos[1]");
        assertThat(problem).contains("är inte en bild (innehållet är application/zip)");
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aFelanmalanWithAPhotoCarriesItsReference() throws Exception {
        byte[] jpeg = TestFiles.jpeg();

        JsonNode receipt = accepted(felanmalan(file("photos", "vägg.jpg", jpeg)));

        assertThat(receipt.get("photos").values()).extracting(JsonNode::asString).containsExactly("vägg.jpg");
        JsonNode photo = eventOf(receipt.get("submissionId").asString()).get("photos").get(0);
        assertThat(photo.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(photo.get("sha256").asString()).isEqualTo(AttachmentRules.sha256(jpeg));
    }

    @Test
    void sixFilesAreRefusedWithAnErrorOnTheField() throws Exception {
        long filesBefore = storedFiles();
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = file("attachments", i + ".png", TestFiles.png(i));
        }

        String problem = mvc.perform(synpunkt(SYNPUNKT, six)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JsonNode error = jsonMapper.readTree(problem).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("attachments");
        assertThat(error.get("message").asString()).isEqualTo("Du kan skicka högst 5 filer; du skickade 6.");
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anElevenMegabyteFileIsRefusedWith413NamingItAndNothingIsStoredOrPublished() throws Exception {
        long filesBefore = storedFiles();
        long recordsBefore = topic.size();

        String problem = mvc.perform(synpunkt(SYNPUNKT, file("attachments", "liten.png", TestFiles.png(0x222222)),
                        file("attachments", "enorm.png", TestFiles.pngOfSize(11 * 1024 * 1024))))
                .andExpect(status().isPayloadTooLarge())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JsonNode errors = jsonMapper.readTree(problem).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("attachments[1]");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Filen ”enorm.png” är större än 10 MB.");
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(topic.size()).isEqualTo(recordsBefore);
    }

    @Test
    void aBadSynpunktPartIsRefusedTogetherWithABadFileAndAnOversizedPartWith413() throws Exception {
        String problem = mvc.perform(synpunkt("{\"kind\":\"gnäll\",\"category\":\"ovrigt\",\"text\":\"x\"}",
                        file("attachments", "a.png", TestFiles.text())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(jsonMapper.readTree(problem).get("errors").values()).extracting(error -> error.get("field").asString())
                .contains("kind", "attachments[0]");

        mvc.perform(synpunkt("{\"kind\": 5}")).andExpect(status().isBadRequest());
        String huge = "{\"kind\":\"fråga\",\"category\":\"ovrigt\",\"text\":\"" + "x".repeat(70_000) + "\"}";
        String tooLarge = mvc.perform(synpunkt(huge)).andExpect(status().isPayloadTooLarge())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(jsonMapper.readTree(tooLarge).get("errors").get(0).get("field").asString()).isEqualTo("synpunkt");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresNothingNewAndPublishesOnce() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        byte[] png = TestFiles.png(0x333333);

        JsonNode first = accepted(synpunkt(SYNPUNKT, file("attachments", "lykta.png", png)).header("Idempotency-Key", key));
        long filesAfterFirst = storedFiles();
        JsonNode second = accepted(synpunkt(SYNPUNKT, file("attachments", "lykta.png", png)).header("Idempotency-Key", key));

        assertThat(second).isEqualTo(first);
        assertThat(storedFiles()).isEqualTo(filesAfterFirst);
        assertThat(topic.recordsWithKey(first.get("submissionId").asString())).hasSize(1);
        mvc.perform(synpunkt(SYNPUNKT, file("attachments", "lykta.png", TestFiles.png(0x444444)))
                .header("Idempotency-Key", key)).andExpect(status().isUnprocessableContent());
        assertThat(storedFiles()).isEqualTo(filesAfterFirst);
    }

    @Test
    void filesWhoseSubmissionNeverReachedKafkaAreRemovedAfterTheOrphanAgeAndPublishedOnesStay() throws Exception {
        JsonNode receipt = accepted(synpunkt(SYNPUNKT, file("attachments", "kvar.png", TestFiles.png(0x555555))));
        String publishedId = eventOf(receipt.get("submissionId").asString()).get("attachments").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(publishedId).orElseThrow().published());
        UUID orphanSubmission = UUID.randomUUID();
        CheckedFile file = new CheckedFile(0, "borta.png", "image/png", TestFiles.png(0x666666),
                AttachmentRules.sha256(TestFiles.png(0x666666)));
        String orphanId = attachments.store(List.of(file), null, orphanSubmission, orphanSubmission,
                AttachmentKind.SYNPUNKT).get(0).id();

        readBack.removeOrphansAt(NOW.plus(Duration.ofDays(6)));
        assertThat(store.find(orphanId)).isPresent();

        readBack.removeOrphansAt(NOW.plus(Duration.ofDays(8)));
        assertThat(store.find(orphanId)).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("files_id").is(orphanId)), "attachments.chunks")).isZero();
        assertThat(store.find(publishedId)).isPresent();
    }

    private JsonNode accepted(MockMultipartHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return jsonMapper.readTree(body);
    }

    private JsonNode eventOf(String submissionId) {
        var records = topic.recordsWithKey(submissionId);
        assertThat(records).hasSize(1);
        return jsonMapper.readTree(records.get(0).value());
    }

    private void caseOpenedIn(String caseId, String unit) {
        UUID id = UUID.fromString(caseId);
        events.send(Topics.CASES, caseId, EventTypes.CASE_OPENED, new CaseOpened(new CaseId(id), new SubmissionId(id),
                new Diarienummer("2026-000042"), SynpunktKind.FORSLAG, "park-och-natur", Channel.WEB, unit, NOW, NOW,
                CaseType.SYNPUNKT, null));
    }

    private long storedFiles() {
        return mongo.count(new Query(), AttachmentStore.FILES);
    }

    private byte[] storedBytes(String id) {
        List<Document> chunks = mongo.find(Query.query(Criteria.where("files_id").is(id)), Document.class,
                "attachments.chunks");
        assertThat(chunks).isNotEmpty();
        List<byte[]> parts = new ArrayList<>();
        chunks.stream().sorted((a, b) -> Integer.compare(a.getInteger("n"), b.getInteger("n")))
                .forEach(chunk -> parts.add(chunk.get("data", Binary.class).getData()));
        int length = parts.stream().mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static MockMultipartHttpServletRequestBuilder synpunkt(String json, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/synpunkter")
                .file(new MockMultipartFile("synpunkt", "", "application/json", json.getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return request;
    }

    private static MockMultipartHttpServletRequestBuilder felanmalan(MockMultipartFile... photos) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/felanmalningar")
                .file(new MockMultipartFile("felanmalan", "", "application/json",
                        FELANMALAN.getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile photo : photos) {
            request.file(photo);
        }
        return request;
    }

    /** The client claims every file is a JPEG: the claim is ignored, the content decides. */
    private static MockMultipartFile file(String field, String name, byte[] bytes) {
        return new MockMultipartFile(field, name, "image/jpeg", bytes);
    }
}
