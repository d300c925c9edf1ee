package se.medborgardialog.cases.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.testing.OpenedCases.avvikelse;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.testsupport.Browser;

/** A lex Sarah investigation worked on the case page in Chromium, checked with axe-core on the way. */
class AvvikelsePageBrowserIntegrationTests extends CaseServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void saraRecordsALexSarahInvestigationUpToTheIvoReportAndAnOfficerWithoutTheRoleIsNotFound() {
        CaseId caseId = cases.open(avvikelse(LegalFlow.LEX_SARAH, "omsorg"));
        String diarienummer = cases.find(caseId).diarienummer().value();
        signIn(browser, "sara");
        browser.open(url("/arenden/" + caseId));
        assertThat(browser.find("#utredning-status").getText()).isEqualTo("Utredningen pågår.");
        assertThat(browser.findAll("#beslut-form")).isEmpty();
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#utredningsanteckning-form button");
        assertThat(browser.assertErrorsTiedToFields()).extracting(WebElement::getText).containsExactly(
                "Välj vad anteckningen gäller.", "Ange vilket datum anteckningen gäller.",
                "Ange källan, t.ex. intervju med personal eller journal.", "Skriv anteckningen.");
        browser.assertAccessible();

        new Select(browser.find("#entry-type")).selectByVisibleText("Vad hände och konsekvenser");
        fill("#entry-concerns", "2026-11-22");
        browser.find("#entry-source").sendKeys("Intervju med personal");
        browser.find("#entry-text").sendKeys("Sven fick kvällsdosen två gånger.");
        browser.clickAndWaitForNextPage("#utredningsanteckning-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Utredningsanteckningen är sparad.");
        assertThat(browser.find("#utredning-anteckning-1 h4").getText()).isEqualTo("1. Vad hände och konsekvenser");
        assertThat(browser.find("#utredning-anteckning-1-text").getText())
                .isEqualTo("Sven fick kvällsdosen två gånger.");
        assertThat(browser.find("#utredning-anteckning-1").getText()).contains("2026-11-22", "Intervju med personal",
                "sara");

        keyboardOnlyRiskAssessment();
        assertThat(browser.find("#notice").getText()).isEqualTo("Riskbedömningen är sparad.");
        assertThat(browser.find("#utredning-risk-1-niva").getText()).isEqualTo("Mycket hög (12)");

        browser.find("#decision-serious").click();
        browser.find("#decision-motivation").sendKeys("Påtaglig risk för Svens hälsa.");
        browser.clickAndWaitForNextPage("#beslut-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Beslutet är sparat.");
        assertThat(browser.find("#utredning-beslut-1-beslut").getText()).isEqualTo("Allvarligt missförhållande");
        assertThat(browser.find("#utredning-beslut-1 h4").getText()).isEqualTo("Beslut 1 (gäller)");

        // lex Sarah reports to IVO with the investigation: it is completed first
        assertThat(browser.findAll("#ivo-form")).isEmpty();
        browser.clickAndWaitForNextPage("#avsluta-utredning-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Utredningen är avslutad.");

        fill("#ivo-reportedOn", "2026-11-23");
        browser.find("#ivo-ivoReference").sendKeys("3.5.1-12345/2026");
        browser.clickAndWaitForNextPage("#ivo-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Anmälan till IVO är registrerad.");
        assertThat(browser.find("#utredning-ivo").getText()).contains("2026-11-23", "3.5.1-12345/2026", "sara");
        assertThat(browser.find("#utredning-status").getText())
                .isEqualTo("Utredningen avslutades 2026-11-23 11:00 av sara.");
        assertThat(browser.findAll(".actions form[action*='/avvikelse/']")).isEmpty();
        browser.assertAccessible();
        assertThat(cases.find(caseId).avvikelse().ivoReport()).isPresent();

        signIn(browser, "anna");
        browser.open(url("/arenden/" + caseId));
        browser.assertSwedishPage("Sidan finns inte – Medborgardialog");
        assertThat(browser.driver().getPageSource()).doesNotContain("Sven", diarienummer, "3.5.1-12345/2026");
    }

    /**
     * From the message the page gives focus to, Tab to the risk form, choose on the selects with the keyboard, write
     * the motivation and send with Enter: every stop on the way visibly focused.
     */
    private static void keyboardOnlyRiskAssessment() {
        for (int stops = 0; !"risk-probability".equals(browser.focused().getDomAttribute("id")); stops++) {
            assertThat(stops).as("tab stops before the risk form").isLessThan(80);
            browser.tabToVisiblyFocused();
        }
        browser.press("3");
        browser.tabToVisiblyFocused();
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("risk-consequence");
        browser.press("4");
        browser.tabToVisiblyFocused();
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("risk-motivation");
        browser.press("Rutinen för dubbelsignering saknades.");
        browser.tabToVisiblyFocused();
        assertThat(browser.focused().getText()).isEqualTo("Spara bedömningen");
        WebElement before = browser.find("html");
        browser.press(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
    }

    /**
     * A date or date-and-time field's value as the browser sends it: how a date picker takes typed digits depends
     * on the browser's locale, which the page does not decide.
     */
    private static void fill(String field, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(field), value);
    }
}
