package se.medborgardialog.intake.felanmalan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/** The felanmälan form, its errors and its receipt, in a real Chromium. */
class FelanmalanBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void theFormIsSwedishAndPassesAxe() {
        browser.open(url("/felanmalan"));

        browser.assertSwedishPage("Felanmälan – Exempelkommun");
        browser.assertAccessible();
    }

    @Test
    void anEmptyFormComesBackWithEachErrorTiedToItsFieldAndTheTextAsText() {
        browser.open(url("/felanmalan"));
        browser.find("#address").sendKeys(Browser.SCRIPT_IN_FREE_TEXT);

        browser.clickAndWaitForNextPage("#felanmalan-form button[type=submit]");

        browser.assertSwedishPage("Fel: Felanmälan – Exempelkommun");
        assertThat(browser.assertErrorsTiedToFields()).extracting(link -> link.getDomAttribute("href"))
                .contains("#description");
        assertThat(browser.find("#address").getDomProperty("value")).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        browser.assertNoMarkupFromFreeText();
        browser.assertAccessible();
    }

    @Test
    void aCitizenReportsAFaultAndGetsTheReceipt() {
        browser.open(url("/felanmalan"));
        browser.find("label[for=category-gatubelysning]").click();
        browser.find("#description").sendKeys("Lampan är släckt sedan i måndags.");
        browser.find("#address").sendKeys("Storgatan 12");

        browser.clickAndWaitForNextPage("#felanmalan-form button[type=submit]");

        browser.assertSwedishPage("Tack för din felanmälan – Exempelkommun");
        assertThat(browser.findAll("h1")).extracting(WebElement::getText).containsExactly("Tack för din felanmälan");
        assertThat(browser.find("#tracking-code").getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        browser.assertAccessible();
    }
}
