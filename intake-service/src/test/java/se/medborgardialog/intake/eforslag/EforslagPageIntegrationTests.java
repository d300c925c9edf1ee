package se.medborgardialog.intake.eforslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

class EforslagPageIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    EforslagService eforslag;
    @Autowired
    ProposalStore store;

    @Test
    void theListShowsPublishedProposalsAsTextWithTheDevelopmentLabel() throws Exception {
        UUID id = published("<script>alert(1)</script> Fler bänkar " + UUID.randomUUID());

        Document page = page(mvc.perform(get("/e-forslag")).andExpect(status().isOk()).andReturn().getResponse());

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("a.skip-link")).hasSize(1);
        assertThat(page.text()).contains("Utvecklingsinloggning – inte e-legitimation");
        Element title = page.getElementById("title-" + id);
        assertThat(title).isNotNull();
        assertThat(title.text()).startsWith("<script>alert(1)</script>");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.selectFirst("label[for=personnummer-" + id + "]")).isNotNull();
    }

    @Test
    void aCitizenSignsThroughThePage() throws Exception {
        UUID id = published("Sign via sidan " + UUID.randomUUID());
        MockHttpServletResponse shown = mvc.perform(get("/e-forslag")).andReturn().getResponse();

        mvc.perform(signForm(id, shown, People.next(), "0000"))
                .andExpect(status().isOk());

        assertThat(store.countSignatures(id)).isEqualTo(1);
    }

    @Test
    void anInvalidPersonnummerOnThePageLinksTheErrorToTheField() throws Exception {
        UUID id = published("Fel på sidan " + UUID.randomUUID());
        MockHttpServletResponse shown = mvc.perform(get("/e-forslag")).andReturn().getResponse();

        Document page = page(mvc.perform(signForm(id, shown, "19800101-0002", "0000"))
                .andExpect(status().isBadRequest()).andReturn().getResponse());

        assertThat(page.selectFirst(".error-summary a").attr("href")).isEqualTo("#personnummer-" + id);
        assertThat(page.getElementById("personnummer-" + id).attr("aria-invalid")).isEqualTo("true");
        assertThat(store.countSignatures(id)).isZero();
    }

    @Test
    void aCitizenSubmitsANewProposalThroughThePage() throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/e-forslag/nytt")).andExpect(status().isOk())
                .andReturn().getResponse();
        Document form = page(shown);
        assertThat(form.text()).contains("Utvecklingsinloggning – inte e-legitimation");

        Document receipt = page(mvc.perform(post("/e-forslag/nytt")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .cookie(csrfCookie(shown))
                        .param("_csrf", form.selectFirst("input[name=_csrf]").val())
                        .param("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val())
                        .param("title", "Via sidan " + UUID.randomUUID())
                        .param("text", "En ny lekplats.")
                        .param("category", "park-och-natur")
                        .param("personnummer", People.next())
                        .param("kommun", "0000"))
                .andExpect(status().isOk()).andReturn().getResponse());

        assertThat(receipt.getElementById("tracking-code").text()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(receipt.getElementById("status-link").attr("href"))
                .isEqualTo("/status?kod=" + receipt.getElementById("tracking-code").text());
        assertThat(receipt.select("#next-steps li").eachText()).containsExactly(
                "Vi granskar förslaget. Uppfyller det kriterierna publiceras det; annars får du veta varför inte.",
                "När det är publicerat har det 90 dagar på sig att få " + eforslag.properties().signatureThreshold()
                        + " underskrifter av personer som är "
                        + "folkbokförda i kommunen.",
                "Får det så många skickas det till nämnden, som besvarar det inom 6 månader.");
    }

    private UUID published(String title) throws Exception {
        ProposalReceipt receipt = eforslag.submit(new ProposalRequest(title, "Text", "park-och-natur", People.next(),
                "0000"), null);
        UUID id = UUID.fromString(receipt.proposalId());
        mvc.perform(post("/api/v1/e-forslag/" + id + "/publicering").with(httpBasic("mona", "utveckling")))
                .andExpect(status().isOk());
        return id;
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signForm(UUID id,
            MockHttpServletResponse shown, String personnummer, String kommun) throws Exception {
        Document page = page(shown);
        return post("/e-forslag/" + id + "/underskrift")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(csrfCookie(shown))
                .param("_csrf", page.selectFirst("input[name=_csrf]").val())
                .param("personnummer", personnummer)
                .param("kommun", kommun);
    }

    private static Cookie csrfCookie(MockHttpServletResponse response) {
        return response.getCookie("XSRF-TOKEN");
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

}
