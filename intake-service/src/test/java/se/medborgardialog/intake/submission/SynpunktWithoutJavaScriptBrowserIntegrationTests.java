package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/** A citizen whose Chromium runs no JavaScript at all still gets a synpunkt through. */
class SynpunktWithoutJavaScriptBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromiumWithoutJavaScript();

    @Test
    void thisBrowserRunsNoJavaScript() {
        browser.open("data:text/html,<title>utan</title><script>document.title='med'</script>");

        assertThat(browser.driver().getTitle()).isEqualTo("utan");
    }

    @Test
    void aCitizenWithoutJavaScriptCorrectsAnErrorAndSubmitsASynpunkt() {
        browser.open(url("/synpunkt"));
        browser.find("#text").sendKeys("Snöröjningen på Skolgatan har inte gjorts i dag.");

        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");
        browser.assertSwedishPage("Fel: Lämna en synpunkt – Exempelkommun");
        browser.assertErrorsTiedToFields();
        browser.find("label[for=kind-klagomal]").click();
        new Select(browser.find("#category")).selectByVisibleText("Gata och trafik");
        browser.find("#phone").sendKeys("070-123 45 67");
        browser.clickAndWaitForNextPage("#synpunkt-form button[type=submit]");

        browser.assertSwedishPage("Tack för din synpunkt – Exempelkommun");
        assertThat(browser.find("#tracking-code").getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(browser.find("#answer").getText()).isEqualTo("Du får svar senast onsdag 25 november 2026.");
    }
}
