package se.medborgardialog.cases.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.testsupport.Browser;

class LoginBrowserIntegrationTests extends CaseServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Test
    void aPageAsksForALoginFirstAndTheLoginPageIsAccessible() {
        browser.open(url("/logga-in"));
        browser.driver().manage().deleteAllCookies();

        browser.open(url("/arenden"));

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/logga-in"));
        browser.assertSwedishPage("Logga in – Medborgardialog");
        assertThat(browser.findAll("#username[autocomplete=username]")).hasSize(1);
        assertThat(browser.findAll("#password[type=password][autocomplete=current-password]")).hasSize(1);
        browser.assertAccessible();
    }

    @Test
    void aWrongPasswordShowsTheErrorTiedToTheFieldsAndLogsNobodyIn() {
        browser.open(url("/logga-in"));
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/logga-in"));

        browser.find("#username").sendKeys("anna");
        browser.find("#password").sendKeys("fel-lösenord");
        browser.clickAndWaitForNextPage("#login-form button[type=submit]");

        browser.assertSwedishPage("Fel: Logga in – Medborgardialog");
        assertThat(browser.find(".error-summary").getText()).contains("Fel användarnamn eller lösenord");
        browser.assertErrorsTiedToFields();
        browser.assertAccessible();
        browser.open(url("/arenden"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/logga-in"));
    }

    @Test
    void anOfficerLogsInToTheQueueAndOutAgain() {
        signIn(browser, "anna");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/arenden"));
        browser.assertSwedishPage("Ärenden – Medborgardialog");
        assertThat(browser.find("#inloggad").getText()).isEqualTo("anna");

        browser.clickAndWaitForNextPage(".site-nav button[type=submit]");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/logga-in?utloggad"));
        assertThat(browser.find("#utloggad").getText()).isEqualTo("Du är utloggad.");
        browser.assertAccessible();
        browser.open(url("/arenden"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/logga-in"));
    }

    @Test
    void anAdministratorIsRefusedThePagesInSwedishAndCanStillLogOut() {
        signIn(browser, "ada");

        browser.assertSwedishPage("Åtkomst nekad – Medborgardialog");
        assertThat(browser.find("main").getText()).contains("Din roll ger inte tillgång till sidan");
        assertThat(browser.find("#inloggad").getText()).isEqualTo("ada");
        browser.assertAccessible();

        browser.clickAndWaitForNextPage(".site-nav button[type=submit]");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/logga-in?utloggad"));
    }
}
