package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.synpunkt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.testsupport.Browser;

/** The forms of the officer's actions on the case page, one small form each, and the queue's assignee filter. */
class CaseActionsBrowserIntegrationTests extends CaseServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void anOfficerTakesACaseAsksTheCitizenRegistersTheReplyAndWritesANote() {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Lampan blinkar.", GRETA));
        signIn(browser, "anna");
        browser.open(url("/arenden?tilldelad=ingen&status=alla"));
        assertThat(rowIds()).contains("arende-" + caseId);
        browser.open(url("/arenden/" + caseId));

        browser.clickAndWaitForNextPage("#ta-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Du har nu ärendet.");
        assertThat(browser.find("#handlaggare").getText()).isEqualTo("anna");
        browser.open(url("/arenden?tilldelad=mina"));
        assertThat(rowIds()).contains("arende-" + caseId);
        assertThat(browser.find("#arende-" + caseId).getText()).contains("anna");
        browser.open(url("/arenden?tilldelad=ingen"));
        assertThat(rowIds()).doesNotContain("arende-" + caseId);
        browser.open(url("/arenden/" + caseId));

        browser.clickAndWaitForNextPage("#fraga-form button");
        assertThat(browser.assertErrorsTiedToFields()).extracting(WebElement::getText).containsExactly("Skriv en text.");
        browser.find("#question-text").sendKeys("Vilken lyktstolpe gäller det?");
        browser.clickAndWaitForNextPage("#fraga-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Frågan är sparad och ärendet väntar på medborgaren.");
        assertThat(browser.find("#status").getText()).isEqualTo("Väntar på medborgaren");
        assertThat(browser.find("#fragor-1").getText()).isEqualTo("Vilken lyktstolpe gäller det?");
        browser.open(url("/arenden?status=vantar"));
        assertThat(rowIds()).contains("arende-" + caseId);
        browser.open(url("/arenden/" + caseId));

        browser.find("#reply-text").sendKeys("Den vid busshållplatsen (per telefon).");
        browser.clickAndWaitForNextPage("#medborgarsvar-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Medborgarens svar är registrerat.");
        assertThat(browser.find("#status").getText()).isEqualTo("Öppet");
        assertThat(browser.find("#medborgarsvar-1").getText()).isEqualTo("Den vid busshållplatsen (per telefon).");

        browser.find("#note-text").sendKeys("Beställt byte av armatur.");
        browser.clickAndWaitForNextPage("#anteckning-form button");
        assertThat(browser.find("#anteckningar-1").getText()).isEqualTo("Beställt byte av armatur.");
        assertThat(cases.find(caseId).notes()).singleElement()
                .satisfies(note -> assertThat(note.author()).isEqualTo("anna"));
        browser.assertAccessible();
    }

    @Test
    void anOfficerGivesTheCaseToAColleagueThenForwardsItToAUnitTheyDoNotWorkIn() {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Fel enhet.", GRETA));
        signIn(browser, "anna");
        browser.open(url("/arenden/" + caseId));

        browser.find("#assign-assignee").sendKeys("bertil");
        browser.clickAndWaitForNextPage("#tilldela-form button");
        assertThat(browser.assertErrorsTiedToFields()).extracting(WebElement::getText)
                .containsExactly("Ingen handläggare med användarnamnet bertil arbetar på stadsmiljo.");
        assertThat(browser.find("#assign-assignee").getDomProperty("value")).isEqualTo("bertil");
        browser.assertAccessible();

        browser.find("#assign-assignee").clear();
        browser.find("#assign-assignee").sendKeys("maria");
        browser.clickAndWaitForNextPage("#tilldela-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Ärendet är tilldelat maria.");
        assertThat(browser.find("#handlaggare-nu").getText()).isEqualTo("maria har ärendet.");

        new Select(browser.find("#forward-unit")).selectByValue("medborgarservice");
        browser.find("#forward-reason").sendKeys("Gäller bygglov, inte gatan.");
        browser.clickAndWaitForNextPage("#skicka-vidare-form button");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/arenden"));
        assertThat(browser.find("#notice").getText()).isEqualTo("Ärendet är skickat till Medborgarservice.");
        assertThat(cases.find(caseId).unit()).isEqualTo("medborgarservice");
        browser.open(url("/arenden/" + caseId));
        browser.assertSwedishPage("Sidan finns inte – Medborgardialog");
    }

    @Test
    void anOfficerMergesADuplicateIntoAnotherCaseAndReopensIt() {
        CaseId original = cases.open(synpunkt(STADSMILJO_CATEGORY, "Första anmälan.", GRETA));
        CaseId duplicate = cases.open(synpunkt(STADSMILJO_CATEGORY, "Samma sak igen.", GRETA));
        String originalNumber = cases.find(original).diarienummer().value();
        signIn(browser, "anna");
        browser.open(url("/arenden/" + duplicate));

        browser.find("#link-diarienummer").sendKeys(originalNumber);
        new Select(browser.find("#link-relation")).selectByValue("duplicate-of");
        browser.clickAndWaitForNextPage("#koppla-form button");

        assertThat(browser.find("#notice").getText())
                .isEqualTo("Ärendet är sammanslaget med " + originalNumber + " och avslutat som dubblett.");
        assertThat(browser.find("#status").getText()).isEqualTo("Avslutat");
        assertThat(browser.find("#links").getText()).contains(originalNumber, "Dubblett av", "anna");
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#links a");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/arenden/" + original));
        assertThat(browser.find("#links").getText()).contains(cases.find(duplicate).diarienummer().value(),
                "Har dubbletten");

        browser.open(url("/arenden/" + duplicate));
        browser.find("#reopen-text").sendKeys("Var inte samma fel.");
        browser.clickAndWaitForNextPage("#oppna-igen-form button");
        assertThat(browser.find("#notice").getText()).isEqualTo("Ärendet är öppnat igen.");
        assertThat(browser.find("#status").getText()).isEqualTo("Öppet");
    }

    private static List<String> rowIds() {
        return browser.findAll("#queue tbody tr").stream().map(row -> row.getDomAttribute("id")).toList();
    }
}
