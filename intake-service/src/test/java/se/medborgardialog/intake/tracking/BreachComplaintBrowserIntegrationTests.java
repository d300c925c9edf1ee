package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.testing.EventsOnKafka;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;
import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.intake.testing.SubmissionsTopic;
import se.medborgardialog.testsupport.Browser;

/**
 * A citizen whose tjänstegaranti was breached complains about it from the status page, with the keyboard only, in a
 * real Chromium; every page on the way passes axe. The complaint reaches Kafka about the case ({@code concerns}).
 */
class BreachComplaintBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void theCitizenComplainsAboutTheBreachedGuaranteeWithTheKeyboardAndThePagesPassAxe() {
        String code = TestCodes.newCode();
        UUID caseId = UUID.randomUUID();
        EventsOnKafka events = new EventsOnKafka(broker.getBrokersAsString());
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, new SynpunktSubmitted(
                new SubmissionId(caseId), new TrackingCode(code), SynpunktKind.KLAGOMAL, "park-och-natur", null,
                Channel.WEB, IntakeIntegrationTestContext.NOW, IntakeIntegrationTestContext.NOW, null, null,
                List.of(), "sealed"));
        events.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_BREACHED, new DeadlineBreached(
                new CaseId(caseId), "guarantee:park", "stadsmiljo", IntakeIntegrationTestContext.NOW,
                IntakeIntegrationTestContext.NOW, new GuaranteeRef("park-2-veckor", 1, "Parkbänkar lagas inom 2 veckor",
                        GuaranteeType.TJANSTEGARANTI), "Du får 100 kronor."));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open(url("/status?kod=" + code));
            assertThat(browser.findAll("#complaint-link")).hasSize(1);
        });
        browser.assertSwedishPage("Följ ditt ärende – Exempelkommun");
        assertThat(browser.find("#guarantee-compensation").getText()).isEqualTo(
                "Ersättning enligt garantin: Du får 100 kronor.");
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#complaint-link");

        browser.assertSwedishPage("Klagomål på att garantin inte hölls – Exempelkommun");
        browser.assertAccessible();
        assertThat(browser.tabToVisiblyFocused().getText()).isEqualTo("Hoppa till huvudinnehållet");
        browser.press(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("klagomal-text");
        assertThat(browser.focused().getDomProperty("value")).isEqualTo("Kommunen höll inte tjänstegarantin "
                + "”Parkbänkar lagas inom 2 veckor” för mitt ärende. Jag vill lämna ett klagomål på det.");
        // the citizen writes their own words instead of the suggestion
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        browser.press("Bänken vid dammen är fortfarande trasig.");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("name");
        browser.press("Åsa");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("email");
        browser.press("asa@example.se");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("phone");
        assertThat(browser.tabToVisiblyFocused().getText()).isEqualTo("Skicka klagomålet");
        browser.press(Keys.SPACE);

        browser.awaitTitle("Tack för din synpunkt – Exempelkommun");
        browser.assertAccessible();
        String complaintCode = browser.find("#tracking-code").getText();
        assertThat(complaintCode).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}").isNotEqualTo(code);

        List<ConsumerRecord<String, String>> complaints = new SubmissionsTopic(broker.getBrokersAsString()).records()
                .stream().filter(record -> record.value().contains("\"concerns\":\"" + caseId + "\"")).toList();
        assertThat(complaints).hasSize(1);
        var event = SealedEvents.unsealed(complaints.get(0).value());
        assertThat(event.get("kind").asString()).isEqualTo("KLAGOMAL");
        assertThat(event.get("text").asString()).isEqualTo("Bänken vid dammen är fortfarande trasig.");
        assertThat(new String(complaints.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventTypes.SYNPUNKT_SUBMITTED);
    }
}
