package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.MEDBORGARSERVICE_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.felanmalan;
import static se.medborgardialog.cases.testing.OpenedCases.synpunkt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.testsupport.Browser;

class CasePageBrowserIntegrationTests extends CaseServerIntegrationTestContext {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOfficerReadsAnswersAndClosesACaseAndSeesItInTheHistoryTheAuditLogAndTheCsv() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Gatlampan utanför Storgatan 5 är trasig.", GRETA));
        cases.deadline(caseId, "stadsmiljo", NOW.plus(Duration.ofDays(2)));
        String diarienummer = cases.find(caseId).diarienummer().value();
        signIn(browser, "anna");

        browser.clickAndWaitForNextPage("#arende-" + caseId + " a");

        browser.assertSwedishPage("Ärende " + diarienummer + " – Medborgardialog");
        assertThat(browser.find("#text").getText()).isEqualTo("Gatlampan utanför Storgatan 5 är trasig.");
        assertThat(browser.find("#kontakt").getText()).contains("Greta Gatsten", "greta@example.se", "070-123 45 67");
        assertThat(browser.find("#status").getText()).isEqualTo("Öppet");
        assertThat(rows("#deadlines")).containsExactly("Svar till medborgaren | 2026-11-25 | I tid");
        assertThat(auditOf(caseId)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("who")).isEqualTo("anna");
            assertThat(entry.getString("what")).isEqualTo("GET /arenden/{caseId}");
            assertThat(entry.toJson()).doesNotContain("Gatlampan", "greta");
        });
        browser.assertAccessible();

        browser.clickAndWaitForNextPage("#svara-form button[type=submit]");
        browser.assertSwedishPage("Fel: Ärende " + diarienummer + " – Medborgardialog");
        assertThat(browser.assertErrorsTiedToFields()).extracting(WebElement::getText).containsExactly("Skriv ett svar.");
        browser.assertAccessible();

        browser.find("#answer-text").sendKeys("Tack! Lampan lagas på torsdag.");
        browser.clickAndWaitForNextPage("#svara-form button[type=submit]");
        assertThat(browser.find("#notice").getText()).isEqualTo("Svaret är sparat.");
        assertThat(browser.find("#status").getText()).isEqualTo("Besvarat");
        assertThat(browser.find("#svar-1").getText()).isEqualTo("Tack! Lampan lagas på torsdag.");
        assertThat(browser.findAll("#svara-form")).isEmpty();

        new Select(browser.find("#close-outcome")).selectByVisibleText("Åtgärdat");
        browser.clickAndWaitForNextPage("#avsluta-form button[type=submit]");
        assertThat(browser.find("#notice").getText()).isEqualTo("Ärendet är avslutat.");
        assertThat(browser.find("#status").getText()).isEqualTo("Avslutat");
        assertThat(browser.find("#avslut").getText()).contains("Åtgärdat", "anna");
        assertThat(rows("#historik")).containsExactly(
                "2026-11-23 11:00 | system | registrerat som " + diarienummer + " hos stadsmiljo",
                "2026-11-23 11:00 | anna | besvarat", "2026-11-23 11:00 | anna | avslutat: åtgärdat");
        browser.assertAccessible();
        assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(auditOf(caseId)).extracting(entry -> entry.getString("who")).containsOnly("anna");

        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(
                        browser.find("#historik-csv").getDomProperty("href")))
                .header("Cookie", "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"historik-" + diarienummer + ".csv\"");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n"))
                .containsExactly("tidpunkt;vem;vad",
                        "2026-11-23 11:00;system;registrerat som " + diarienummer + " hos stadsmiljo",
                        "2026-11-23 11:00;anna;besvarat", "2026-11-23 11:00;anna;avslutat: åtgärdat");
    }

    @Test
    void aMoveTheCaseRefusesIsExplainedOnTheCasePageWithTheCaseAsItIs() {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Ett klagomål.", GRETA));
        signIn(browser, "anna");
        browser.open(url("/arenden/" + caseId));

        new Select(browser.find("#close-outcome")).selectByVisibleText("Besvarat");
        browser.clickAndWaitForNextPage("#avsluta-form button[type=submit]");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/arenden/" + caseId));
        assertThat(browser.find("#problem").getText()).contains("Ärendet är inte besvarat");
        assertThat(browser.focused()).isEqualTo(browser.find("#problem"));
        assertThat(browser.find("#status").getText()).isEqualTo("Öppet");
        assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.OPEN);
        browser.assertAccessible();
    }

    @Test
    void anAnswerThatLosesARaceIsExplainedAndWhatTheOfficerWroteIsKept() {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Två handläggare samtidigt.", GRETA));
        signIn(browser, "anna");
        browser.open(url("/arenden/" + caseId));
        doAnswer(invocation -> {
            throw new ConcurrentCaseChangeException(cases.find(caseId));
        }).when(work).answer(eq(caseId), anyString(), anyString(), anySet());

        browser.find("#answer-text").sendKeys("Mitt svar.");
        browser.clickAndWaitForNextPage("#svara-form button[type=submit]");

        assertThat(browser.find("#problem").getText())
                .contains("Ärendet ändrades av någon annan samtidigt. Läs om det och försök igen.");
        assertThat(browser.find("#answer-text").getDomProperty("value")).isEqualTo("Mitt svar.");
        assertThat(browser.find("#status").getText()).isEqualTo("Öppet");
    }

    @Test
    void anAnswerSentAfterAnotherOfficerAnsweredShowsTheCurrentState() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, "Först till kvarn.", GRETA));
        signIn(browser, "anna");
        browser.open(url("/arenden/" + caseId));
        HttpResponse<String> mariasAnswer = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/cases/" + caseId
                        + "/answer")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("maria:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Marias svar.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mariasAnswer.statusCode()).isEqualTo(200);

        browser.find("#answer-text").sendKeys("Annas svar.");
        browser.clickAndWaitForNextPage("#svara-form button[type=submit]");

        assertThat(browser.find("#problem").getText()).contains("Ärendet är besvarat och kan inte besvaras.");
        assertThat(browser.find("#status").getText()).isEqualTo("Besvarat");
        assertThat(browser.find("#svar-1").getText()).isEqualTo("Marias svar.");
    }

    @Test
    void scriptInASubmissionsTextIsShownAsText() {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, Browser.SCRIPT_IN_FREE_TEXT, GRETA));
        signIn(browser, "anna");

        browser.open(url("/arenden/" + caseId));

        assertThat(browser.find("#text").getText()).isEqualTo(Browser.SCRIPT_IN_FREE_TEXT);
        browser.assertNoMarkupFromFreeText();
    }

    @Test
    void aFelanmalanShowsItsPlaceWithAMapLinkItsPhotosAndTheReportsLinkedToIt() {
        CaseId caseId = cases.open(felanmalan(null));
        var duplicate = felanmalan(caseId);
        cases.link(duplicate);
        signIn(browser, "anna");

        browser.open(url("/arenden/" + caseId));

        assertThat(browser.find("#typ").getText()).isEqualTo("Felanmälan");
        assertThat(browser.find("#adress").getText()).isEqualTo("Storgatan 5");
        assertThat(browser.find("#koordinater").getText()).isEqualTo("59.334591, 18.063240");
        assertThat(browser.find("#karta").getDomAttribute("href")).isEqualTo(
                "https://www.openstreetmap.org/?mlat=59.334591&mlon=18.063240#map=18/59.334591/18.063240");
        WebElement photo = browser.find("#foton-lankar a");
        assertThat(photo.getText()).isEqualTo("lampa.jpg");
        assertThat(photo.getDomAttribute("href")).startsWith("http://localhost:8081/api/v1/attachments/foto-");
        assertThat(browser.find("#linked").getText()).contains(duplicate.trackingCode().value());
        browser.assertAccessible();
    }

    @Test
    void anotherUnitsCaseGivesTheNotFoundPageAndNothingOfTheCase() {
        CaseId caseId = cases.open(synpunkt(MEDBORGARSERVICE_CATEGORY, "Hemligt för stadsmiljö.", GRETA));
        String diarienummer = cases.find(caseId).diarienummer().value();
        signIn(browser, "anna");

        browser.open(url("/arenden/" + caseId));

        browser.assertSwedishPage("Sidan finns inte – Medborgardialog");
        assertThat(browser.driver().getPageSource()).doesNotContain("Hemligt", "Greta", diarienummer);
        assertThat(auditOf(caseId)).isEmpty();
        browser.assertAccessible();
    }

    /** Each row of a table as its cells' texts joined by " | ". */
    private static List<String> rows(String table) {
        return browser.findAll(table + " tbody tr").stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText)
                        .collect(Collectors.joining(" | ")))
                .toList();
    }
}
