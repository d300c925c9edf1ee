package se.medborgardialog.intake.eforslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** After the threshold: the nämnd's answer comes back as its case's CaseAnswered; and the moderators' queue. */
class EforslagNamndIntegrationTests extends IntakeIntegrationTestContext {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    EforslagService eforslag;
    @Autowired
    ProposalStore store;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MeterRegistry meters;

    @Test
    void whenTheNamndsCaseIsAnsweredTheProposalIsAnsweredOnceAndListedAsSuch() throws Exception {
        Proposal proposal = sentToNamnd("Belysning i parken " + UUID.randomUUID());
        Instant answeredAt = NOW.plus(Duration.ofDays(30));
        double answeredBefore = answeredCount();
        var answered = new CaseAnswered(new CaseId(proposal.id()), "medborgarservice", answeredAt, "nämnden");

        events.send(Topics.CASES, proposal.id().toString(), EventTypes.CASE_ANSWERED, answered);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(store.find(proposal.id())).get()
                .extracting(Proposal::status).isEqualTo(ProposalStatus.ANSWERED));
        // Delivered again, under another event id: nothing changes, nothing is counted twice.
        events.send(Topics.CASES, proposal.id().toString(), EventTypes.CASE_ANSWERED, UUID.randomUUID().toString(),
                answered);
        UUID marker = sentToNamnd("Markör " + UUID.randomUUID()).id();
        events.send(Topics.CASES, marker.toString(), EventTypes.CASE_ANSWERED,
                new CaseAnswered(new CaseId(marker), "medborgarservice", answeredAt, "nämnden"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(store.find(marker)).get()
                .extracting(Proposal::status).isEqualTo(ProposalStatus.ANSWERED));

        assertThat(store.find(proposal.id()).orElseThrow().answeredAt()).isEqualTo(answeredAt);
        assertThat(answeredCount()).isEqualTo(answeredBefore + 2);
        JsonNode listed = find(json(mvc.perform(get("/api/v1/e-forslag/hos-namnden")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)), proposal.id());
        assertThat(listed.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(listed.get("answeredAt").asString()).isEqualTo(answeredAt.toString());
        Document page = page(mvc.perform(get("/e-forslag")).andReturn().getResponse());
        assertThat(page.selectFirst("#hos-namnden")).isNotNull();
        assertThat(page.select(".proposal-outcomes li").eachText())
                .anySatisfy(item -> assertThat(item).startsWith(proposal.title()).contains("Besvarat av nämnden"));
    }

    @Test
    void anAnsweredCaseThatIsNoProposalChangesNoProposal() throws Exception {
        Proposal waiting = sentToNamnd("Väntar " + UUID.randomUUID());

        eforslag.namndAnswered(UUID.randomUUID(), NOW);

        assertThat(store.find(waiting.id())).get().extracting(Proposal::status).isEqualTo(ProposalStatus.SENT_TO_NAMND);
    }

    @Test
    void moderatorsSeeWhatAwaitsModerationAndNobodyElseDoes() throws Exception {
        UUID waiting = submitted("Väntar på granskning " + UUID.randomUUID());
        UUID published = submitted("Redan publicerad " + UUID.randomUUID());
        eforslag.publish(published, "mona");

        List<String> ids = new ArrayList<>();
        json(mvc.perform(get("/api/v1/e-forslag/moderering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .forEach(node -> ids.add(node.get("id").asString()));

        assertThat(ids).contains(waiting.toString()).doesNotContain(published.toString());
        mvc.perform(get("/api/v1/e-forslag/moderering")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/e-forslag/moderering").with(httpBasic("sara", "utveckling")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aModeratorPublishesAndRejectsOnTheModerationPage() throws Exception {
        UUID toPublish = submitted("Publiceras via sidan " + UUID.randomUUID());
        UUID toReject = submitted("<b>Avslås</b> via sidan " + UUID.randomUUID());
        MockHttpServletResponse shown = mvc.perform(get("/moderering/e-forslag").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isOk()).andReturn().getResponse();
        Document page = page(shown);
        assertThat(page.getElementById("title-" + toPublish)).isNotNull();
        assertThat(page.getElementById("title-" + toReject).text()).startsWith("<b>Avslås</b>");
        assertThat(page.select("main b")).isEmpty();
        assertThat(page.selectFirst("label[for=reason-" + toReject + "]").text()).isEqualTo("Skäl till avslag");

        Document afterPublish = page(mvc.perform(pagePost(shown, "/moderering/e-forslag/" + toPublish + "/publicera"))
                .andExpect(status().isOk()).andReturn().getResponse());
        assertThat(afterPublish.selectFirst("[role=status]").text()).contains("är publicerat");
        assertThat(store.find(toPublish)).get().extracting(Proposal::status).isEqualTo(ProposalStatus.PUBLISHED);
        assertThat(afterPublish.getElementById("title-" + toPublish)).as("no longer waiting").isNull();

        Document withoutReason = page(mvc.perform(pagePost(shown, "/moderering/e-forslag/" + toReject + "/avsla")
                        .param("reason", " "))
                .andExpect(status().isBadRequest()).andReturn().getResponse());
        Element reason = withoutReason.getElementById("reason-" + toReject);
        assertThat(reason.attr("aria-invalid")).isEqualTo("true");
        assertThat(reason.attr("aria-describedby")).contains("reason-error-" + toReject);
        assertThat(store.find(toReject)).get().extracting(Proposal::status)
                .isEqualTo(ProposalStatus.AWAITING_MODERATION);

        mvc.perform(pagePost(shown, "/moderering/e-forslag/" + toReject + "/avsla")
                        .param("reason", "Gäller inte kommunens ansvar."))
                .andExpect(status().isOk());
        assertThat(store.find(toReject).orElseThrow().rejectionReason()).isEqualTo("Gäller inte kommunens ansvar.");
    }

    @Test
    void theModerationPageNeedsAModeratorOrOfficer() throws Exception {
        mvc.perform(get("/moderering/e-forslag")).andExpect(status().isUnauthorized());
        mvc.perform(get("/moderering/e-forslag").with(httpBasic("sara", "utveckling"))).andExpect(status().isForbidden());
        mvc.perform(get("/moderering/e-forslag").with(httpBasic("anna", "utveckling"))).andExpect(status().isOk());
    }

    private Proposal sentToNamnd(String title) {
        Proposal proposal = Proposal.submitted(UUID.randomUUID(), "AAAA-BBBB-CCCC-DDDD", title, "Text", "ovrigt",
                "medborgarservice", "hash", NOW.minus(Duration.ofDays(40)));
        proposal.publish(NOW.minus(Duration.ofDays(39)), Period.ofDays(90), 3, "mona");
        proposal.reachThreshold(NOW.minus(Duration.ofDays(2)));
        proposal.sendToNamnd(NOW.minus(Duration.ofDays(2)));
        store.insertIfAbsent(proposal);
        return proposal;
    }

    private UUID submitted(String title) {
        return UUID.fromString(eforslag.submit(new ProposalRequest(title, "Text", "park-och-natur", People.next(),
                "0000"), null).proposalId());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder pagePost(
            MockHttpServletResponse shown, String path) throws Exception {
        Cookie csrf = shown.getCookie("XSRF-TOKEN");
        return post(path).with(httpBasic("mona", "utveckling"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(csrf)
                .param("_csrf", page(shown).selectFirst("input[name=_csrf]").val());
    }

    private double answeredCount() {
        return meters.get("medborgardialog.eforslag.events").tag("event", "answered").counter().count();
    }

    private static JsonNode find(JsonNode list, UUID id) {
        for (JsonNode node : list) {
            if (node.get("id").asString().equals(id.toString())) {
                return node;
            }
        }
        throw new AssertionError("not listed: " + id);
    }

    private JsonNode json(String text) {
        return jsonMapper.readTree(text);
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
