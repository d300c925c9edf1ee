package se.medborgardialog.cases.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.MEDBORGARSERVICE_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.synpunkt;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.testsupport.Browser;

class QueuePageBrowserIntegrationTests extends CaseServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void showsOnlyTheOfficersUnitsCasesMostUrgentFirstWithTheDeadlineAsTextAndColourAndNoPersonalData() {
        CaseId relaxed = cases.open(synpunkt(STADSMILJO_CATEGORY, "Ingen brådska här.", GRETA));
        CaseId breached = cases.open(synpunkt(STADSMILJO_CATEGORY, "Den här är sen.", GRETA));
        CaseId dueSoon = cases.open(synpunkt(STADSMILJO_CATEGORY, "Den här brådskar.", GRETA));
        CaseId otherUnit = cases.open(synpunkt(MEDBORGARSERVICE_CATEGORY, "Till medborgarservice.", GRETA));
        cases.deadline(relaxed, "stadsmiljo", NOW.plus(Duration.ofDays(5)));
        cases.deadline(breached, "stadsmiljo", NOW.minus(Duration.ofHours(1)));
        cases.deadline(dueSoon, "stadsmiljo", NOW.plus(Duration.ofHours(12)));

        signIn(browser, "anna");

        browser.assertSwedishPage("Ärenden – Medborgardialog");
        List<String> order = browser.findAll("#queue tbody tr").stream().map(row -> row.getDomAttribute("id"))
                .toList();
        assertThat(order).containsSubsequence("arende-" + breached, "arende-" + dueSoon, "arende-" + relaxed)
                .doesNotContain("arende-" + otherUnit);
        assertThat(browser.find("#antal").getText()).isEqualTo(order.size() + " ärenden");
        assertDeadline(breached, "Försenat", "deadline-breached");
        assertDeadline(dueSoon, "Snart förfallet", "deadline-due-soon");
        assertDeadline(relaxed, "I tid", "deadline-on-track");
        WebElement row = browser.find("#arende-" + breached);
        assertThat(row.getText()).contains(cases.find(breached).diarienummer().value(), "Synpunkt: klagomål",
                "Gata och trafik", "Webb", "2026-11-22 11:00", "Öppet");
        assertThat(browser.driver().getPageSource()).doesNotContain("Greta", "greta@example.se", "Den här är sen");
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#arende-" + breached + " a");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/arenden/" + breached));
    }

    @Test
    void findsACaseByDiarienummerOrSparningskodAndFiltersByTypeWithAnEmptyStateOtherwise() {
        SynpunktSubmitted submission = synpunkt(STADSMILJO_CATEGORY, "Sök mig.", GRETA);
        CaseId caseId = cases.open(submission);
        String diarienummer = cases.find(caseId).diarienummer().value();
        signIn(browser, "anna");

        browser.open(url("/arenden?status=alla&sok=" + diarienummer));
        assertThat(rowIds()).containsExactly("arende-" + caseId);
        assertThat(browser.find("#antal").getText()).isEqualTo("1 ärende");
        assertThat(browser.find("#sok").getDomProperty("value")).isEqualTo(diarienummer);

        String sloppyCode = submission.trackingCode().value().toLowerCase().replace("-", " ");
        browser.find("#sok").clear();
        browser.find("#sok").sendKeys(sloppyCode);
        browser.clickAndWaitForNextPage("#filter button[type=submit]");
        assertThat(rowIds()).containsExactly("arende-" + caseId);

        browser.open(url("/arenden?typ=felanmalan&sok=" + diarienummer));
        assertThat(rowIds()).isEmpty();
        assertThat(browser.find("#antal").getText()).isEqualTo("0 ärenden");
        assertThat(browser.find("#tomt").getText()).startsWith("Inga ärenden matchar");
        assertThat(browser.find("#typ").getDomProperty("value")).isEqualTo("felanmalan");
        browser.assertAccessible();
    }

    @Test
    void anUnknownFilterValueIsShownAsAnErrorTiedToItsField() {
        signIn(browser, "anna");

        browser.open(url("/arenden?status=konstig&kanal=brevduva"));

        browser.assertSwedishPage("Fel: Ärenden – Medborgardialog");
        assertThat(browser.findAll(".error-summary a")).extracting(WebElement::getText)
                .containsExactly("Välj en status i listan.", "Välj en kanal i listan.");
        browser.assertErrorsTiedToFields();
        assertThat(browser.findAll("#queue")).isEmpty();
        browser.assertAccessible();
    }

    private static List<String> rowIds() {
        return browser.findAll("#queue tbody tr").stream().map(row -> row.getDomAttribute("id")).toList();
    }

    private static void assertDeadline(CaseId caseId, String text, String cssClass) {
        WebElement badge = browser.find("#arende-" + caseId + " .deadline");
        assertThat(badge.getText()).isEqualTo(text);
        assertThat(badge.getDomAttribute("class")).contains(cssClass);
    }
}
