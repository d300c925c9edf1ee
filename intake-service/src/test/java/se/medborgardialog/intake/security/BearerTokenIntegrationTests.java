package se.medborgardialog.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.intake.attachments.TestFiles;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import se.medborgardialog.intake.testing.IntakeOidcIntegrationTestContext;
import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * intake's staff API as production runs it: staff present the OIDC provider's signed bearer tokens (verified by the
 * real resource-server chain), their roles and units are the token's, and the development users' passwords no longer
 * work. The citizens' endpoints stay public.
 */
class BearerTokenIntegrationTests extends IntakeOidcIntegrationTestContext {

    /** A letter that arrived on Friday afternoon, registered on Monday ({@link IntakeIntegrationTestContext#NOW}). */
    private static final String LETTER = """
            {"kind":"klagomål","category":"gata-och-trafik","channel":"brev",
             "text":"Gatlyktan utanför Storgatan 12 har varit släckt i en vecka.",
             "receivedAt":"2026-11-20T14:05:00+01:00","contact":{"name":"Karin Berg","email":"karin@example.se"}}""";

    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aRegistratorsTokenRegistersALetterWithItsRealTimeOfReceiptInTheTokensName() throws Exception {
        String rut = tokens.forUser("rut", List.of("registrator"), List.of());

        JsonNode receipt = json(mvc.perform(synpunkt(LETTER).header(HttpHeaders.AUTHORIZATION, "Bearer " + rut))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.receivedAt").value("2026-11-20T14:05:00+01:00"))
                .andExpect(jsonPath("$.answerBy").value("2026-11-24"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        JsonNode event = jsonMapper.readTree(topic.recordsWithKey(receipt.get("submissionId").asString()).get(0).value());
        assertThat(event.get("channel").asString()).isEqualTo("BREV");
        assertThat(event.get("receivedAt").asString()).isEqualTo("2026-11-20T13:05:00Z");
        assertThat(event.get("registeredBy").asString()).isEqualTo("rut");
    }

    @Test
    void aTokenWithoutARegisteringRoleMayNotBackdateButACitizenStillSubmitsWithoutOne() throws Exception {
        String stina = tokens.forUser("stina", List.of("statistician"), List.of());
        long before = topic.size();

        mvc.perform(synpunkt(LETTER).header(HttpHeaders.AUTHORIZATION, "Bearer " + stina))
                .andExpect(status().isForbidden());
        mvc.perform(synpunkt(LETTER))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.startsWith("Bearer")));
        assertThat(topic.size()).isEqualTo(before);

        mvc.perform(synpunkt("""
                        {"kind":"beröm","category":"park-och-natur","text":"Fin park!","anonymous":true}"""))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/v1/categories")).andExpect(status().isOk());
    }

    @Test
    void aReportersTokenReportsAnAvvikelseOnlyForTheUnitsOfItsUnitsClaim() throws Exception {
        // tove is no development user: her unit is the token's only
        String tove = tokens.forUser("tove", List.of("reporter"), List.of("/enheter/omsorg"));

        String body = mvc.perform(avvikelse("omsorg").header(HttpHeaders.AUTHORIZATION, "Bearer " + tove))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String submissionId = json(body).get("submissionId").asString();
        JsonNode event = SealedEvents.unsealed(topic.recordsWithKey(submissionId).get(0).value());
        assertThat(event.get("reportedBy").asString()).isEqualTo("tove");
        assertThat(event.get("unit").asString()).isEqualTo("omsorg");

        long before = topic.size();
        mvc.perform(avvikelse("utbildning").header(HttpHeaders.AUTHORIZATION, "Bearer " + tove))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        // the configured development user sara works in omsorg; her token says utbildning, and the token counts
        String sara = tokens.forUser("sara", List.of("reporter"), List.of("utbildning"));
        mvc.perform(avvikelse("omsorg").header(HttpHeaders.AUTHORIZATION, "Bearer " + sara))
                .andExpect(status().isForbidden());
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void anAttachmentOpensForATokenOfTheCasesUnitOnly() throws Exception {
        byte[] png = TestFiles.png(0x7a7b7c);
        String receipt = mvc.perform(multipart("/api/v1/synpunkter")
                        .file(new MockMultipartFile("synpunkt", "", "application/json", """
                                {"kind":"förslag","category":"park-och-natur","text":"En bänk här, se bilden."}"""
                                .getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("attachments", "bank.png", "image/png", png)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String caseId = json(receipt).get("submissionId").asString();
        String id = jsonMapper.readTree(topic.recordsWithKey(caseId).get(0).value()).get("attachments").get(0)
                .get("id").asString();
        UUID uuid = UUID.fromString(caseId);
        events.send(Topics.CASES, caseId, EventTypes.CASE_OPENED, new CaseOpened(new CaseId(uuid),
                new SubmissionId(uuid), new Diarienummer("2026-000077"), SynpunktKind.FORSLAG, "park-och-natur",
                Channel.WEB, "stadsmiljo", IntakeIntegrationTestContext.NOW, IntakeIntegrationTestContext.NOW,
                CaseType.SYNPUNKT, null));
        String olle = "Bearer " + tokens.forUser("olle", List.of("officer"), List.of("/enheter/stadsmiljo"));
        String bodil = "Bearer " + tokens.forUser("bodil", List.of("officer"), List.of("medborgarservice"));

        byte[] download = await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(
                        get("/api/v1/attachments/{id}", id).header(HttpHeaders.AUTHORIZATION, olle))
                .andReturn().getResponse(), response -> response.getStatus() == 200).getContentAsByteArray();

        assertThat(download).isEqualTo(png);
        assertThat(mongo.find(Query.query(Criteria.where("attachmentId").is(id)), Document.class, "attachment_audit"))
                .extracting(entry -> entry.getString("user")).containsExactly("olle");
        mvc.perform(get("/api/v1/attachments/{id}", id).header(HttpHeaders.AUTHORIZATION, bodil))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesMissingExpiredForeignAndWrongAudienceTokensWithABearerChallenge() throws Exception {
        List<String> moderator = List.of("moderator");
        List<String> none = List.of();

        mvc.perform(moderation(null))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Inloggning krävs"));
        mvc.perform(moderation(tokens.forUser("mona", moderator, none, TestTokens::expired)))
                .andExpect(status().isUnauthorized());
        mvc.perform(moderation(tokens.signedByAnotherKey("mona", moderator, none)))
                .andExpect(status().isUnauthorized());
        mvc.perform(moderation(tokens.forUser("mona", moderator, none, claims -> claims.audience("annan-tjanst"))))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.startsWith("Bearer")));
        mvc.perform(moderation(tokens.forUser("mona", moderator, none,
                        claims -> claims.issuer("http://elsewhere.example/realms/x"))))
                .andExpect(status().isUnauthorized());
        mvc.perform(moderation(tokens.forUser("mona", List.of("reporter"), none))).andExpect(status().isForbidden());
        mvc.perform(moderation(tokens.forUser("mona", moderator, none))).andExpect(status().isOk());
    }

    @Test
    void theDevelopmentUsersPasswordsDoNotWorkOnceTokensDo() throws Exception {
        long before = topic.size();

        mvc.perform(get("/api/v1/e-forslag/moderering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isUnauthorized());
        mvc.perform(synpunkt(LETTER).with(httpBasic("rolf", "utveckling")))
                .andExpect(status().isUnauthorized());
        mvc.perform(avvikelse("omsorg").with(httpBasic("sara", "utveckling")))
                .andExpect(status().isUnauthorized());
        assertThat(topic.size()).isEqualTo(before);
    }

    private static MockHttpServletRequestBuilder synpunkt(String json) {
        return post("/api/v1/synpunkter").contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder avvikelse(String unit) {
        return post("/api/v1/avvikelser").contentType(MediaType.APPLICATION_JSON).content("""
                {"law": "SOL", "legalFlow": "LEX_SARAH", "unit": "%s",
                 "whatHappened": "Brukaren fick fel medicin %s",
                 "occurredAt": "2026-11-22T18:30", "noticedAt": "2026-11-23T08:00:00Z",
                 "immediateMeasures": "Läkare kontaktades direkt."}
                """.formatted(unit, UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder moderation(String token) {
        MockHttpServletRequestBuilder request = get("/api/v1/e-forslag/moderering");
        return token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private JsonNode json(String body) {
        return jsonMapper.readTree(body);
    }
}
