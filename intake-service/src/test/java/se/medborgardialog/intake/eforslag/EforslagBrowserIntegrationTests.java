package se.medborgardialog.intake.eforslag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;

/** The e-förslag list with its signing forms and the new-proposal page, in a real Chromium. */
class EforslagBrowserIntegrationTests extends IntakeServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    EforslagService eforslag;

    @Test
    void theListShowsAProposalsScriptAsTextAndPassesAxe() {
        UUID id = published(Browser.SCRIPT_IN_FREE_TEXT);

        browser.open(url("/e-forslag"));

        browser.assertSwedishPage("E-förslag – Exempelkommun");
        assertThat(browser.find("#title-" + id).getText()).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        browser.assertNoMarkupFromFreeText();
        browser.assertAccessible();
    }

    @Test
    void aCitizenSignsAProposalOnTheList() {
        UUID id = published("Fler parkbänkar " + UUID.randomUUID());
        browser.open(url("/e-forslag"));

        browser.find("#personnummer-" + id).sendKeys(People.next());
        browser.clickAndWaitForNextPage("#title-" + id + " ~ form button[type=submit]");

        assertThat(browser.find(".notice[role=status]").getText()).isEqualTo("Tack! Din underskrift är registrerad.");
        assertThat(browser.focused()).isEqualTo(browser.find(".notice[role=status]"));
        browser.assertAccessible();
    }

    @Test
    void anInvalidPersonnummerIsTiedToThatProposalsField() {
        UUID id = published("Längre öppettider " + UUID.randomUUID());
        browser.open(url("/e-forslag"));

        browser.find("#personnummer-" + id).sendKeys("19800101-0002");
        browser.clickAndWaitForNextPage("#title-" + id + " ~ form button[type=submit]");

        browser.assertSwedishPage("Fel: E-förslag – Exempelkommun");
        assertThat(browser.assertErrorsTiedToFields()).extracting(link -> link.getDomAttribute("href"))
                .containsExactly("#personnummer-" + id);
        browser.assertAccessible();
    }

    @Test
    void aCitizenSubmitsANewProposalAfterCorrectingTheErrors() {
        browser.open(url("/e-forslag/nytt"));
        browser.assertSwedishPage("Lämna ett e-förslag – Exempelkommun");
        browser.assertAccessible();

        browser.find("#text").sendKeys(Browser.SCRIPT_IN_FREE_TEXT);
        browser.clickAndWaitForNextPage("form[action='/e-forslag/nytt'] button[type=submit]");

        browser.assertSwedishPage("Fel: Lämna ett e-förslag – Exempelkommun");
        assertThat(browser.assertErrorsTiedToFields()).extracting(link -> link.getDomAttribute("href"))
                .contains("#title", "#category", "#personnummer");
        assertThat(browser.find("#text").getDomProperty("value")).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        browser.assertNoMarkupFromFreeText();
        browser.assertAccessible();

        browser.find("#title").sendKeys("En ny lekplats " + UUID.randomUUID());
        new Select(browser.find("#category")).selectByVisibleText("Park och natur");
        browser.find("#personnummer").sendKeys(People.next());
        browser.clickAndWaitForNextPage("form[action='/e-forslag/nytt'] button[type=submit]");

        browser.assertSwedishPage("Tack för ditt e-förslag – Exempelkommun");
        assertThat(browser.find("#tracking-code").getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        browser.assertAccessible();
    }

    private UUID published(String title) {
        ProposalReceipt receipt = eforslag.submit(
                new ProposalRequest(title, "Förslagstext.", "park-och-natur", People.next(), "0000"), null);
        UUID id = UUID.fromString(receipt.proposalId());
        eforslag.publish(id, "mona");
        return id;
    }
}
