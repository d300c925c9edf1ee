package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import se.medborgardialog.intake.attachments.TestFiles;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.json.JsonMapper;

/** The synpunkt page with files: the accessible file input, the receipt's list of names, errors on the field. */
class AttachmentPageIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theFormIsMultipartWithALabelledFileInputForImagesAndPdfAndItsLimits() throws Exception {
        Document page = page(mvc.perform(get("/synpunkt")).andExpect(status().isOk()));

        Element form = page.getElementById("synpunkt-form");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        Element input = form.selectFirst("input[type=file]");
        assertThat(input.attr("name")).isEqualTo("attachments");
        assertThat(input.hasAttr("multiple")).isTrue();
        assertThat(input.attr("accept")).isEqualTo("image/*,application/pdf");
        assertThat(page.selectFirst("label[for=attachments]").text()).isEqualTo("Bilagor (frivilligt)");
        assertThat(page.getElementById(input.attr("aria-describedby")).text())
                .isEqualTo("Högst 5 filer, högst 10 MB var, bilder eller PDF.");
    }

    @Test
    void aFormWithAFileGivesAReceiptListingItsNameEscapedAndTheEventCarriesIt() throws Exception {
        String name = "<img src=x onerror=alert(1)>.png";
        SynpunktFormPost form = SynpunktFormPost.complaint().fromTheFormShownBy(mvc);

        String html = mvc.perform(form.multipartRequest(new MockMultipartFile("attachments", name, "image/png",
                        TestFiles.png(0x777777)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Document receipt = Jsoup.parse(html);
        assertThat(receipt.select("ul#attachments li").eachText()).containsExactly(name);
        assertThat(receipt.select("img")).isEmpty();
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;.png");
        String trackingCode = receipt.selectFirst("code#tracking-code").text();
        List<ConsumerRecord<String, String>> records = topic.records().stream()
                .filter(record -> record.value().contains(trackingCode)).toList();
        assertThat(records).hasSize(1);
        var attachment = jsonMapper.readTree(records.get(0).value()).get("attachments").get(0);
        assertThat(attachment.get("fileName").asString()).isEqualTo(name);
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
    }

    @Test
    void aDisguisedFileComesBackAsAnErrorOnTheFileInputAskingToChooseTheFilesAgainAndNothingIsStored()
            throws Exception {
        SynpunktFormPost form = SynpunktFormPost.complaint().fromTheFormShownBy(mvc);
        long files = mongo.count(new Query(), "attachments.files");
        long records = topic.size();

        Document page = page(mvc.perform(form.multipartRequest(
                new MockMultipartFile("attachments", "foto.jpg", "image/jpeg", TestFiles.html())))
                .andExpect(status().isBadRequest()));

        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#attachments");
        assertThat(page.getElementById("attachments-error").text())
                .isEqualTo("Fel: Filen ”foto.jpg” är inte en bild eller PDF (innehållet är text/html).");
        assertThat(page.getElementById("attachments-again").text()).contains("Välj dem igen");
        assertThat(page.getElementById("attachments").attr("aria-describedby"))
                .isEqualTo("attachments-hint attachments-again attachments-error");
        assertThat(page.getElementById("text").text()).isEqualTo(SynpunktFormPost.TEXT);
        assertThat(mongo.count(new Query(), "attachments.files")).isEqualTo(files);
        assertThat(topic.size()).isEqualTo(records);
    }

    @Test
    void aMultipartPostWithoutTheCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        long files = mongo.count(new Query(), "attachments.files");

        mvc.perform(SynpunktFormPost.complaint().withoutCsrf().multipartRequest(
                new MockMultipartFile("attachments", "a.png", "image/png", TestFiles.png(0x888888))))
                .andExpect(status().isForbidden());

        assertThat(mongo.count(new Query(), "attachments.files")).isEqualTo(files);
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
