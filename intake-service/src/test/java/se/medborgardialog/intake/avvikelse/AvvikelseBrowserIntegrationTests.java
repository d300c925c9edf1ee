package se.medborgardialog.intake.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/**
 * The staff page for an avvikelse in a real Chromium, logged in as sara. Chromium takes HTTP Basic credentials
 * from the address for a navigation and then sends them with the page's own requests, such as the form post.
 */
class AvvikelseBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @BeforeEach
    void openTheFormAsSara() {
        browser.open(url("/avvikelse").replace("http://", "http://sara:utveckling@"));
    }

    @Test
    void theFormIsSwedishOffersSarasUnitAndPassesAxe() {
        browser.assertSwedishPage("Rapportera en avvikelse – Exempelkommun");
        assertThat(new Select(browser.find("#unit")).getFirstSelectedOption().getText()).isEqualTo("omsorg");
        browser.assertAccessible();
    }

    @Test
    void anEmptyReportComesBackWithEachErrorTiedToItsFieldAndTheTextAsText() {
        browser.find("#whatHappened").sendKeys(Browser.SCRIPT_IN_FREE_TEXT);

        browser.clickAndWaitForNextPage("#avvikelse-form button[type=submit]");

        browser.assertSwedishPage("Fel: Rapportera en avvikelse – Exempelkommun");
        assertThat(browser.assertErrorsTiedToFields()).extracting(link -> link.getDomAttribute("href"))
                .contains("#law", "#occurredAt", "#noticedAt");
        assertThat(browser.find("#whatHappened").getDomProperty("value")).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        browser.assertNoMarkupFromFreeText();
        browser.assertAccessible();
    }

    @Test
    void saraReportsALexSarahAndGetsTheReceipt() {
        new Select(browser.find("#law")).selectByValue("SOL");
        browser.find("#whatHappened").sendKeys("Fel dos vid kvällsbesöket.");
        dateTime("#occurredAt", "2026-11-22T18:00");
        dateTime("#noticedAt", "2026-11-22T19:00");
        browser.find("#immediateMeasures").sendKeys("Sjuksköterska kontaktad.");

        browser.clickAndWaitForNextPage("#avvikelse-form button[type=submit]");

        browser.assertSwedishPage("Avvikelsen är rapporterad – Exempelkommun");
        assertThat(browser.find("#tracking-code").getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(browser.find("#legal-flow").getText()).startsWith("Lex Sarah");
        browser.assertAccessible();
    }

    /** A datetime-local field's keyboard entry follows the browser's locale; the value itself does not. */
    private static void dateTime(String cssSelector, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(cssSelector), value);
    }
}
