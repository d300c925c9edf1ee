package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.EventsOnKafka;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/** The citizen's reply to the officer's question, from the status page to the receipt and back, in a real Chromium. */
class CitizenReplyBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void theCitizenAnswersTheOfficersQuestionOnTheStatusPageAndEveryPageOnTheWayPassesAxe() {
        String code = TestCodes.newCode();
        UUID caseId = UUID.randomUUID();
        EventsOnKafka events = new EventsOnKafka(broker.getBrokersAsString());
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, new SynpunktSubmitted(
                new SubmissionId(caseId), new TrackingCode(code), SynpunktKind.FRAGA, "park-och-natur", null,
                Channel.WEB, IntakeIntegrationTestContext.NOW, IntakeIntegrationTestContext.NOW, null, null,
                List.of(), "sealed"));
        events.send(Topics.CASES, caseId.toString(), EventTypes.CITIZEN_INFO_REQUESTED, new CitizenInfoRequested(
                new CaseId(caseId), "stadsmiljo", "anna", IntakeIntegrationTestContext.NOW.minusSeconds(3_600)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open(url("/status?kod=" + code));
            assertThat(browser.findAll("#reply-form")).hasSize(1);
        });

        browser.assertSwedishPage("Följ ditt ärende – Exempelkommun");
        assertThat(browser.find("#citizen-info-text").getText())
                .isEqualTo("Handläggaren behöver mer information från dig. Du har fått frågan i e-post.");
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#reply-form button[type=submit]");

        browser.assertSwedishPage("Fel: Följ ditt ärende – Exempelkommun");
        assertThat(browser.assertErrorsTiedToFields()).extracting(link -> link.getDomAttribute("href"))
                .containsExactly("#svar-text");
        browser.assertAccessible();

        browser.find("#svar-text").sendKeys("Lampan står vid lekplatsens södra ingång.");
        browser.clickAndWaitForNextPage("#reply-form button[type=submit]");

        browser.assertSwedishPage("Ditt svar har skickats – Exempelkommun");
        assertThat(browser.findAll("h1")).extracting(WebElement::getText)
                .containsExactly("Tack! Ditt svar har skickats till handläggaren.");
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#status-link");

        browser.assertSwedishPage("Följ ditt ärende – Exempelkommun");
        assertThat(browser.find("#citizen-info-sent").getText()).isEqualTo("Ditt svar har skickats till handläggaren.");
        assertThat(browser.findAll("#reply-form")).isEmpty();
        browser.assertAccessible();
    }
}
