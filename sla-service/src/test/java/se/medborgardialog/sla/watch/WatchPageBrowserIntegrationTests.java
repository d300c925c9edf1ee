package se.medborgardialog.sla.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.testsupport.Browser;

/** The manager's page in headless Chromium: a case of her unit turns amber, then red, without a reload. */
class WatchPageBrowserIntegrationTests extends WatchIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void aCaseOfHerUnitTurnsAmberAndThenRedWithoutAReload() {
        awaitLiveFeed();
        signIn(browser, "maria");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/bevakning"));
        browser.assertSwedishPage("Bevakning – Medborgardialog");
        new WebDriverWait(browser.driver(), WAIT).until(driver -> browser.find("#live-status").getText()
                .startsWith("Sidan uppdateras direkt"));
        browser.assertAccessible();
        ((JavascriptExecutor) browser.driver()).executeScript("window.__samma_sida = true;");

        CaseId caseId = newCase();
        Instant due = MONDAY.plus(Duration.ofDays(21));
        deadlines.warning(caseId, "stadsmiljo", MONDAY.plus(Duration.ofDays(17)), due);

        WebElement amber = awaitRow("risk", caseId);
        assertThat(amber.findElement(By.cssSelector(".state")).getText()).isEqualTo("Riskerar att försenas");
        assertThat(amber.findElement(By.cssSelector(".state")).getCssValue("background-color"))
                .isEqualTo("rgba(255, 191, 71, 1)");
        assertThat(amber.findElement(By.cssSelector("a")).getDomAttribute("href"))
                .isEqualTo("http://localhost:8082/arenden/" + caseId);
        assertThat(amber.getText()).contains("Gatubelysning lagad inom 3 veckor (version 2)", "Stadsmiljö",
                "14 dec. 2026 kl. 10:00");
        assertThat(browser.find("#risk-antal").getText()).isNotEqualTo("0");
        browser.assertAccessible();

        deadlines.breached(caseId, "stadsmiljo", due.plusSeconds(1), due);

        WebElement red = awaitRow("forsenade", caseId);
        assertThat(red.findElement(By.cssSelector(".state")).getText()).isEqualTo("Försenad");
        assertThat(red.findElement(By.cssSelector(".state")).getCssValue("background-color"))
                .isEqualTo("rgba(176, 0, 32, 1)");
        assertThat(browser.findAll("#risk tr[data-row='" + caseId + ":" + DeadlineTopic.CLOCK + "']")).isEmpty();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__samma_sida === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        browser.assertAccessible();

        browser.driver().navigate().refresh();
        assertThat(browser.findAll("#forsenade tr[data-row='" + caseId + ":" + DeadlineTopic.CLOCK + "']"))
                .as("after a reload the read model shows the same").hasSize(1);
    }

    @Test
    void anOfficerGetsTheSwedishRefusalPage() {
        signIn(browser, "anna");

        browser.assertSwedishPage("Åtkomst nekad – Medborgardialog");
        assertThat(browser.find("main").getText()).contains("Bevakningen är till för enhetschefer");
        assertThat(browser.find("#inloggad").getText()).isEqualTo("anna");
        browser.assertAccessible();
    }

    private WebElement awaitRow(String list, CaseId caseId) {
        String selector = "#" + list + " tr[data-row='" + caseId + ":" + DeadlineTopic.CLOCK + "']";
        return new WebDriverWait(browser.driver(), WAIT).until(driver -> {
            var rows = browser.findAll(selector);
            return rows.isEmpty() ? null : rows.get(0);
        });
    }
}
