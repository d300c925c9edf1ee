package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/** The status page's own form and its errors, in a real Chromium (a found case: SynpunktBrowserIntegrationTests). */
class StatusBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void theEmptyStatusPageIsSwedishAndPassesAxe() {
        browser.open(url("/status"));

        browser.assertSwedishPage("Följ ditt ärende – Exempelkommun");
        browser.assertAccessible();
    }

    @Test
    void anUnknownCodeIsAnErrorTiedToTheField() {
        browser.open(url("/status"));

        browser.find("#kod").sendKeys(TrackingCodeFormat.EXAMPLE);
        browser.clickAndWaitForNextPage("#status-form button[type=submit]");

        browser.assertSwedishPage("Fel: Följ ditt ärende – Exempelkommun");
        assertThat(browser.assertErrorsTiedToFields()).extracting(link -> link.getDomAttribute("href"))
                .containsExactly("#kod");
        assertThat(browser.find("#kod-error").getText()).isEqualTo("Fel: " + UnknownTrackingCodeException.MESSAGE);
        browser.assertAccessible();
    }

    @Test
    void aScriptTypedAsTheCodeIsShownAsText() {
        browser.open(url("/status"));

        browser.find("#kod").sendKeys(Browser.SCRIPT_IN_FREE_TEXT);
        browser.clickAndWaitForNextPage("#status-form button[type=submit]");

        assertThat(browser.find("#kod").getDomProperty("value")).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        assertThat(browser.find("#kod-error").getText()).isEqualTo("Fel: " + StatusLookup.MALFORMED);
        browser.assertNoMarkupFromFreeText();
    }
}
