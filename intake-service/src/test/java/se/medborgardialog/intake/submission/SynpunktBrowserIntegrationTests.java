package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/** The synpunkt form, its errors, its receipt and the status page it links to, in a real Chromium. */
class SynpunktBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void theStartPageIsTheSwedishFormAndPassesAxe() {
        browser.open(url("/"));

        browser.assertSwedishPage("Lämna en synpunkt – Exempelkommun");
        assertThat(browser.findAll("h1")).extracting(WebElement::getText).containsExactly("Lämna en synpunkt");
        browser.assertAccessible();
    }

    @Test
    void anEmptyFormComesBackWithASummaryLinkedToEachFieldInError() {
        browser.open(url("/synpunkt"));

        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");

        browser.assertSwedishPage("Fel: Lämna en synpunkt – Exempelkommun");
        List<WebElement> links = browser.assertErrorsTiedToFields();
        assertThat(links).extracting(link -> link.getDomAttribute("href"))
                .containsExactlyInAnyOrder("#kind-berom", "#category", "#text");
        browser.assertAccessible();

        browser.find(".error-summary a[href='#text']").click();
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("text");
    }

    @Test
    void aCitizenUsingOnlyTheKeyboardSubmitsASynpunktInASensibleOrderAndAlwaysSeesTheFocus() {
        browser.open(url("/synpunkt"));

        assertThat(browser.tabToVisiblyFocused().getText()).isEqualTo("Hoppa till huvudinnehållet");
        browser.press(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
        assertThat(browser.tabToVisiblyFocused().getText()).isEqualTo("Gör en felanmälan");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("kind-berom");
        browser.press(Keys.ARROW_DOWN);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("kind-klagomal");
        assertThat(browser.focused().isSelected()).isTrue();
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("category");
        browser.press("Park");
        assertThat(new Select(browser.find("#category")).getFirstSelectedOption().getText()).isEqualTo("Park och natur");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("text");
        browser.press("Bänken vid dammen är trasig.");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("attachments");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("name");
        browser.press("Åsa");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("email");
        browser.press("asa@example.se");
        assertThat(browser.tabToVisiblyFocused().getDomAttribute("id")).isEqualTo("phone");
        assertThat(browser.tabToVisiblyFocused().getText()).isEqualTo("Skicka synpunkt");
        browser.press(Keys.SPACE);

        browser.awaitTitle("Tack för din synpunkt – Exempelkommun");
        assertThat(browser.find("#tracking-code").getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
    }

    @Test
    void theReceiptShowsTheCodeAndTheDateAndLinksToTheStatusPage() throws Exception {
        browser.open(url("/synpunkt"));
        browser.find("#kind-fraga").click();
        new Select(browser.find("#category")).selectByVisibleText("Kultur och fritid");
        browser.find("#text").sendKeys("När öppnar biblioteket efter ombyggnaden?");
        browser.find("#email").sendKeys("eva@example.se");

        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");

        browser.assertSwedishPage("Tack för din synpunkt – Exempelkommun");
        String trackingCode = browser.find("#tracking-code").getText();
        assertThat(trackingCode).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(browser.find("#answer").getText()).isEqualTo("Du får svar senast onsdag 25 november 2026.");
        browser.assertAccessible();

        awaitReadBack(trackingCode);
        browser.clickAndWaitForNextPage("#status-link");

        browser.assertSwedishPage("Följ ditt ärende – Exempelkommun");
        assertThat(browser.find("#case-status h2").getText()).isEqualTo("Ärende " + trackingCode);
        assertThat(browser.find("#status-text").getText()).isEqualTo("Mottagen");
        browser.assertAccessible();
    }

    @Test
    void aScriptInTheTextIsShownAsTextAndNeverRuns() throws Exception {
        browser.open(url("/synpunkt"));
        browser.find("#text").sendKeys(Browser.SCRIPT_IN_FREE_TEXT);

        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");

        assertThat(browser.find("#text").getDomProperty("value")).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        browser.assertNoMarkupFromFreeText();

        browser.find("#kind-klagomal").click();
        new Select(browser.find("#category")).selectByVisibleText("Övrigt");
        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");

        assertThat(browser.find("h1").getText()).isEqualTo("Tack för din synpunkt");
        browser.assertNoMarkupFromFreeText();
        String trackingCode = browser.find("#tracking-code").getText();
        awaitReadBack(trackingCode);
        browser.clickAndWaitForNextPage("#status-link");
        assertThat(browser.find("#status-text").getText()).isEqualTo("Mottagen");
        browser.assertNoMarkupFromFreeText();
    }

    @Test
    void aFormWhoseTokenIsGoneGetsTheSwedishRefusalPage() {
        browser.open(url("/synpunkt"));
        browser.driver().manage().deleteCookieNamed("XSRF-TOKEN");
        browser.find("#kind-berom").click();

        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");

        browser.assertSwedishPage("Formuläret kunde inte skickas");
        assertThat(browser.find("h1").getText()).isEqualTo("Formuläret kunde inte skickas");
        browser.assertAccessible();
    }

    /** The status page is built from what intake reads back from Kafka; a receipt comes before that. */
    private void awaitReadBack(String trackingCode) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create(url("/api/v1/status/" + trackingCode))).build();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200));
    }
}
