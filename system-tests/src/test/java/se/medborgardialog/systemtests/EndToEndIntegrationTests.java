package se.medborgardialog.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.medborgardialog.localstack.LocalStack;
import se.medborgardialog.localstack.Service;
import se.medborgardialog.localstack.StackSettings;
import se.medborgardialog.testsupport.Browser;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as the README's run command starts it: a real KRaft broker and the store in their
 * own JVMs, the four services each in its own process. Driven only through the services' HTTP APIs,
 * as a citizen, a registrator, an officer and a statistician would.
 */
class EndToEndIntegrationTests {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Under target/, so the processes' logs are there to read when a run fails. */
    private static final Path DATA_DIR = Path.of("target", "e2e-stack").toAbsolutePath();

    private static final int EFORSLAG_THRESHOLD = 3;

    private static LocalStack stack;
    private final Http http = new Http();

    @BeforeAll
    static void startTheStack() throws IOException {
        deleteRecursively(DATA_DIR);
        Path home = Path.of(System.getProperty("medborgardialog.home", "..")).toAbsolutePath().normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        stack = LocalStack.start(new StackSettings(home, DATA_DIR, freePort(), freePort(), freePort(), ports, true)
                // Three signatures, not fifty, take a proposal to the nämnd here.
                .withArguments(Service.INTAKE, "--intake.eforslag.signature-threshold=" + EFORSLAG_THRESHOLD,
                        // every test posts from 127.0.0.1: the suite is one client, not a flood
                        "--intake.rate-limit.unlimited-addresses=127.0.0.1"));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void synpunktBecomesACaseWithATwoWorkingDayDeadlineThatIsMetWhenAnsweredInTime() {
        var receipt = http.post(intake("/api/v1/synpunkter"), null, """
                {"kind": "klagomål", "category": "gata-och-trafik", "channel": "web",
                 "text": "Gatlyktan vid busshållplatsen på Storgatan är trasig.",
                 "contact": {"name": "Eva Svensson", "email": "eva@example.se"}}""");
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String caseId = receipt.json().get("submissionId").asString();
        String answerBy = receipt.json().get("answerBy").asString();
        assertThat(receipt.json().get("trackingCode").asString()).hasSizeGreaterThanOrEqualTo(16);

        var calendar = http.get(sla("/api/v1/calendar/deadline?workingDays=2&receivedAt="
                + receipt.json().get("receivedAt").asString().replace("+", "%2B")), null);
        assertThat(calendar.json().get("dueDate").asString()).isEqualTo(answerBy);

        JsonNode queued = await().atMost(PATIENCE).until(() -> queueEntry("anna", caseId), entry -> entry != null
                && entry.hasNonNull("dueDate"));
        assertThat(queued.get("diarienummer").asString()).matches("\\d{4}-\\d{6}");
        assertThat(queued.get("unit").asString()).isEqualTo("stadsmiljo");
        assertThat(queued.get("dueDate").asString()).isEqualTo(answerBy);

        var answered = http.post(cases("/api/v1/cases/" + caseId + "/answer"), "anna", """
                {"text": "Tack! Lyktan byts i morgon."}""");
        assertThat(answered.status()).as(answered.body()).isBetween(200, 202);

        // the answer reached Eva by e-mail: the stack's SMTP server has it, in Swedish with the diarienummer
        String trackingCode = receipt.json().get("trackingCode").asString();
        String subject = "Svar på din synpunkt " + queued.get("diarienummer").asString();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode mail = mailTo("eva@example.se", subject);
            assertThat(mail).as("an answer mail to eva@example.se: " + subject).isNotNull();
            assertThat(mail.get("body").asString()).contains("Tack! Lyktan byts i morgon.", trackingCode);
        });

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadlineStatus("anna", caseId)).isEqualTo("MET"));
        String today = LocalDate.now(STOCKHOLM).toString();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode totals = statistics(today, "stadsmiljo");
            assertThat(totals.get("received").asInt()).isEqualTo(1);
            assertThat(totals.get("answered").asInt()).isEqualTo(1);
            assertThat(totals.get("answeredWithinDeadline").asInt()).isEqualTo(1);
            assertThat(totals.get("breached").asInt()).isZero();
        });
    }

    /**
     * The officer's day with one case, across the whole stack: claim, ask the citizen (the clock pauses), the
     * citizen replies on the status page (it resumes), answer by e-mail, close; another unit's officer reaches
     * nothing; every step is in the history and every read in the audit log.
     */
    @Test
    void anOfficerClaimsAsksTheCitizenWhoRepliesOnTheStatusPageThenAnswersAndClosesWithEveryStepOnRecord() {
        var receipt = http.post(intake("/api/v1/synpunkter"), null, """
                {"kind": "fråga", "category": "ovrigt", "channel": "web",
                 "text": "Varför är lekplatsen i Sjöparken avstängd?",
                 "contact": {"name": "Olle Berg", "email": "olle@example.se"}}""");
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String caseId = receipt.json().get("submissionId").asString();
        String trackingCode = receipt.json().get("trackingCode").asString();
        await().atMost(PATIENCE).until(() -> queueEntry("bertil", caseId), entry -> entry != null
                && entry.hasNonNull("dueDate"));

        // anna works in another unit: the case does not exist for her, whatever she tries
        assertThat(http.get(cases("/api/v1/cases/" + caseId), "anna").status()).isEqualTo(404);
        assertThat(http.post(cases("/api/v1/cases/" + caseId + "/claim"), "anna", "{}").status()).isEqualTo(404);
        assertThat(queueEntry("anna", caseId)).isNull();

        assertThat(http.post(cases("/api/v1/cases/" + caseId + "/claim"), "bertil", "{}").status()).isBetween(200, 202);
        assertThat(queueEntry("bertil", caseId).get("assignee").asString()).isEqualTo("bertil");

        var asked = http.post(cases("/api/v1/cases/" + caseId + "/ask-citizen"), "bertil", """
                {"question": "Gäller det den stora eller den lilla lekplatsen?"}""");
        assertThat(asked.status()).as(asked.body()).isBetween(200, 202);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode mail = mailWithBodyContaining("olle@example.se", "Gäller det den stora eller den lilla lekplatsen?");
            assertThat(mail).as("the question mailed to olle@example.se").isNotNull();
            assertThat(mail.get("body").asString()).contains(":" + intake("/").getPort() + "/status?kod=" + trackingCode);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadlineStatus("bertil", caseId)).isEqualTo("PAUSED"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(publicStatus(trackingCode).get("citizenInfo").asString()).isEqualTo("begard"));

        var replied = http.post(intake("/api/v1/status/" + trackingCode + "/svar"), null, """
                {"text": "Den stora, vid dammen."}""");
        assertThat(replied.status()).as(replied.body()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode aCase = http.get(cases("/api/v1/cases/" + caseId), "bertil").json();
            assertThat(aCase.get("status").asString()).isEqualTo("open");
            assertThat(aCase.get("replies").get(0).get("text").asString()).isEqualTo("Den stora, vid dammen.");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadlineStatus("bertil", caseId)).isEqualTo("RUNNING"));

        assertThat(http.post(cases("/api/v1/cases/" + caseId + "/answer"), "bertil", """
                {"text": "Den stora lekplatsen får ny gungställning och öppnar på fredag."}""").status())
                .isBetween(200, 202);
        assertThat(http.post(cases("/api/v1/cases/" + caseId + "/close"), "bertil", """
                {"outcome": "besvarat"}""").status()).isBetween(200, 202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                mailWithBodyContaining("olle@example.se", "öppnar på fredag")).isNotNull());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadlineStatus("bertil", caseId)).isEqualTo("MET"));

        JsonNode aCase = http.get(cases("/api/v1/cases/" + caseId), "bertil").json();
        assertThat(aCase.get("status").asString()).isEqualTo("closed");
        List<String> steps = entries(aCase.get("history")).stream().map(step -> step.get("what").asString()).toList();
        assertThat(steps).anyMatch(step -> step.startsWith("registrerat som"));
        assertThat(steps).containsSubsequence("fråga till medborgaren", "svar från medborgaren", "besvarat",
                "avslutat: besvarat");
        assertThat(entries(aCase.get("history")).stream().filter(step -> "bertil".equals(step.get("who").asString())))
                .hasSizeGreaterThanOrEqualTo(4);

        var audit = http.get(cases("/api/v1/audit?caseId=" + caseId), "ada");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(entries(audit.json())).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.get("who").asString()).isEqualTo("bertil"));
        assertThat(http.get(cases("/api/v1/audit?caseId=" + caseId), "bertil").status()).isEqualTo(403);
    }

    @Test
    void backdatedLetterIsBreachedAtOnceAndCountedInTheStatistics() {
        OffsetDateTime letterArrived = OffsetDateTime.now(STOCKHOLM).minusDays(20).truncatedTo(ChronoUnit.SECONDS);
        var receipt = http.post(intake("/api/v1/synpunkter"), "rolf", """
                {"kind": "fråga", "category": "ovrigt", "channel": "brev",
                 "text": "Brev om öppettiderna på biblioteket.", "receivedAt": "%s"}""".formatted(letterArrived));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String caseId = receipt.json().get("submissionId").asString();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadlineStatus("bertil", caseId)).isEqualTo("BREACHED"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode totals = statistics(letterArrived.toLocalDate().toString(), "medborgarservice");
            assertThat(totals.get("received").asInt()).isEqualTo(1);
            assertThat(totals.get("breached").asInt()).isEqualTo(1);
            assertThat(totals.get("answeredWithinDeadline").asInt()).isZero();
            assertThat(totals.get("open").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aSecondFaultReportNearbyFollowsTheFirstCaseAndBothReportersSeeItByTrackingCode() {
        var first = http.post(intake("/api/v1/felanmalningar"), null, """
                {"category": "gatubelysning", "description": "Lampan vid lekplatsen är släckt.",
                 "location": {"latitude": 59.3326, "longitude": 18.0649, "address": "Storgatan 12"}}""");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String caseId = first.json().get("submissionId").asString();
        String firstCode = first.json().get("trackingCode").asString();
        JsonNode queued = await().atMost(PATIENCE).until(() -> queueEntry("anna", caseId), entry -> entry != null
                && entry.hasNonNull("dueDate"));
        assertThat(queued.get("caseType").asString()).isEqualTo("FELANMALAN");
        String diarienummer = queued.get("diarienummer").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(publicStatus(firstCode).get("diarienummer").asString())
                .isEqualTo(diarienummer));

        var second = http.post(intake("/api/v1/felanmalningar"), null, """
                {"category": "gatubelysning", "description": "Mörkt vid lekplatsen.",
                 "location": {"latitude": 59.3330, "longitude": 18.0655}}""");

        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(second.json().get("linked").asBoolean()).isTrue();
        assertThat(second.json().get("linkedCaseId").asString()).isEqualTo(caseId);
        String secondCode = second.json().get("trackingCode").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(publicStatus(secondCode).get("diarienummer").asString())
                .isEqualTo(diarienummer));
        assertThat(entries(http.get(cases("/api/v1/queue?status=all"), "anna").json()).stream()
                .filter(e -> "FELANMALAN".equals(e.get("caseType").asString()))).hasSize(1);
    }

    @Test
    void anAvvikelseUnderSolOpensALexSarahCaseInItsUnitWithItsLegalClock() {
        OffsetDateTime happened = OffsetDateTime.now(STOCKHOLM).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        var receipt = http.post(intake("/api/v1/avvikelser"), "sara", """
                {"law": "SOL", "unit": "omsorg", "whatHappened": "Brukaren föll i trappan vid utflykten.",
                 "occurredAt": "%s", "noticedAt": "%s", "immediateMeasures": "Brukaren undersöktes av sjuksköterska.",
                 "affectedPerson": {"name": "Brukare B", "personnummer": "19121212-1212"}}"""
                .formatted(happened.toInstant(), happened.plusMinutes(30).toInstant()));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String caseId = receipt.json().get("submissionId").asString();

        // an avvikelse is seen only with its law's role: sara is LEX_SARAH in omsorg
        JsonNode queued = await().atMost(PATIENCE).until(() -> queueEntry("sara", caseId), entry -> entry != null
                && entry.hasNonNull("dueDate"));
        assertThat(queued.get("caseType").asString()).isEqualTo("AVVIKELSE");
        assertThat(queued.get("legalFlow").asString()).isEqualTo("LEX_SARAH");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(clockStatus("sara", caseId, "lex-sarah-utredning"))
                .isEqualTo("RUNNING"));
    }

    @Test
    void caseServiceKilledWithKillDashNineLosesNothingThatWasAcknowledged() {
        long before = stack.pid(Service.CASE);
        stack.kill(Service.CASE);

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var receipt = http.post(intake("/api/v1/synpunkter"), null, """
                    {"kind": "förslag", "category": "ovrigt", "channel": "app", "text": "Förslag nummer %d"}""".formatted(i));
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            acknowledged.add(receipt.json().get("submissionId").asString());
        }

        stack.awaitHealthy(Service.CASE);
        assertThat(stack.pid(Service.CASE)).isNotEqualTo(before);
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String caseId : acknowledged) {
                assertThat(queueEntry("bertil", caseId)).as("case %s", caseId).isNotNull();
            }
        });
    }

    @Test
    void anEforslagIsModeratedSignedToItsThresholdAndAnsweredByTheNamnd() {
        var receipt = http.post(intake("/api/v1/e-forslag"), null, """
                {"title": "Fler bänkar i Stadsparken", "text": "Det behövs fler bänkar längs gångvägen.",
                 "category": "park-och-natur", "personnummer": "%s", "kommun": "0000"}""".formatted(person(1)));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String id = receipt.json().get("proposalId").asString();
        String trackingCode = receipt.json().get("trackingCode").asString();

        var published = http.post(intake("/api/v1/e-forslag/" + id + "/publicering"), "mona", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (int signer = 2; signer < 2 + EFORSLAG_THRESHOLD; signer++) {
            var signed = http.post(intake("/api/v1/e-forslag/" + id + "/underskrifter"), null,
                    """
                    {"personnummer": "%s", "kommun": "0000"}""".formatted(person(signer)));
            assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        }

        // The last signature sent it to the nämnd: a case in its unit, with the nämnd's answer clock.
        JsonNode queued = await().atMost(PATIENCE).until(() -> queueEntry("bertil", id), entry -> entry != null
                && entry.hasNonNull("dueDate"));
        assertThat(queued.get("caseType").asString()).isEqualTo("E_FORSLAG");
        assertThat(queued.get("unit").asString()).isEqualTo("medborgarservice");
        assertThat(clockStatus("bertil", id, "namnd-answer")).isEqualTo("RUNNING");

        var answered = http.post(cases("/api/v1/cases/" + id + "/answer"), "bertil", """
                {"text": "Nämnden bifaller förslaget: tio nya bänkar ställs ut i vår."}""");
        assertThat(answered.status()).as(answered.body()).isBetween(200, 202);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(clockStatus("bertil", id, "namnd-answer"))
                .isEqualTo("MET"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var withTheNamnd = http.get(intake("/api/v1/e-forslag/hos-namnden"), null);
            assertThat(entries(withTheNamnd.json())).filteredOn(p -> id.equals(p.get("id").asString()))
                    .singleElement().satisfies(p -> assertThat(p.get("status").asString()).isEqualTo("ANSWERED"));
        });
        assertThat(entries(publicStatus(trackingCode).get("history")).stream().map(step -> step.get("type").asString()))
                .contains("mottagen", "publicerat", "skickat-till-namnd", "registrerad", "besvarad");
    }

    /**
     * Markup and script that citizens submit through intake (synpunkt text and name, an Open311 description,
     * address and name, an e-förslag's title and text, the reply to the officer's question) come back as text on
     * intake's status and e-förslag pages and on case-service's queue and case pages: no unescaped payload in the
     * HTML, and in a real browser no script runs (the payloads would set {@code window.__fuzzed}) and no dialog opens.
     */
    @Nested
    class WhatCitizensWrite {

        private static final String MARKUP = "<img src=x onerror=\"window.__fuzzed=1\">"
                + "<script>window.__fuzzed=1</script>\"><svg onload=window.__fuzzed=1>";

        @RegisterExtension
        static final Browser browser = Browser.chromium();

        @Test
        void isShownAsTextOnIntakesPagesAndTheOfficersQueueAndCasePage() {
            String json = MARKUP.replace("\"", "\\\"");
            var synpunkt = http.post(intake("/api/v1/synpunkter"), null, """
                    {"kind": "fråga", "category": "ovrigt", "text": "Fråga %s", "contact": {"name": "Eva %s",
                     "email": "markup@example.se"}}""".formatted(json, json));
            assertThat(synpunkt.status()).as(synpunkt.body()).isEqualTo(202);
            String caseId = synpunkt.json().get("submissionId").asString();
            String trackingCode = synpunkt.json().get("trackingCode").asString();
            var open311 = http.postForm(intake("/open311/v2/requests.json"), Map.of(
                    "api_key", "utveckling-open311-inte-for-produktion", "service_code", "klotter",
                    "description", "Klotter " + MARKUP, "address_string", "Storgatan 1 " + MARKUP,
                    "first_name", MARKUP));
            assertThat(open311.status()).as(open311.body()).isEqualTo(201);
            String reportId = entries(open311.json()).get(0).get("service_request_id").asString();
            var proposal = http.post(intake("/api/v1/e-forslag"), null, """
                    {"title": "Förslag %s", "text": "Text %s", "category": "park-och-natur", "personnummer": "%s",
                     "kommun": "0000"}""".formatted(json, json, person(77)));
            assertThat(proposal.status()).as(proposal.body()).isEqualTo(202);
            assertThat(http.post(intake("/api/v1/e-forslag/" + proposal.json().get("proposalId").asString()
                    + "/publicering"), "mona", "").status()).isEqualTo(200);

            await().atMost(PATIENCE).until(() -> queueEntry("bertil", caseId), entry -> entry != null);
            assertThat(http.post(cases("/api/v1/cases/" + caseId + "/ask-citizen"), "bertil", """
                    {"question": "Vilken lekplats?"}""").status()).isBetween(200, 202);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(publicStatus(trackingCode).get("citizenInfo").asString()).isEqualTo("begard"));
            var replied = http.post(intake("/api/v1/status/" + trackingCode + "/svar"), null, """
                    {"text": "Svar %s"}""".formatted(json));
            assertThat(replied.status()).as(replied.body()).isEqualTo(202);
            await().atMost(PATIENCE).untilAsserted(() -> {
                // an assertion, not a NullPointerException, while the reply is still on its way: Awaitility retries
                JsonNode replies = http.get(cases("/api/v1/cases/" + caseId), "bertil").json().get("replies");
                assertThat(replies).as("the citizen's reply in the case").isNotEmpty();
                assertThat(replies.get(0).get("text").asString()).isEqualTo("Svar " + MARKUP);
            });
            await().atMost(PATIENCE).until(() -> queueEntry("anna", reportId), entry -> entry != null);

            showsNoMarkup(intake("/status?kod=" + trackingCode).toString());
            assertThat(showsNoMarkup(intake("/e-forslag").toString())).contains("Förslag &lt;img", "Text &lt;img");
            browser.open(cases("/logga-in").toString());
            browser.find("#username").sendKeys("bertil");
            browser.find("#password").sendKeys("utveckling");
            browser.clickAndWaitForNextPage("#login-form button[type=submit]");
            showsNoMarkup(cases("/arenden").toString());
            String casePage = showsNoMarkup(cases("/arenden/" + caseId).toString());
            assertThat(casePage).contains("Fråga &lt;img", "Eva &lt;img", "Svar &lt;img");
            browser.driver().manage().deleteAllCookies();
            browser.open(cases("/logga-in").toString());
            browser.find("#username").sendKeys("anna");
            browser.find("#password").sendKeys("utveckling");
            browser.clickAndWaitForNextPage("#login-form button[type=submit]");
            showsNoMarkup(cases("/arenden").toString());
            assertThat(showsNoMarkup(cases("/arenden/" + reportId).toString())).contains("Klotter &lt;img");
        }

        /** Opens the page and checks it: the payload never verbatim in its source, nothing of it ran. */
        private String showsNoMarkup(String url) {
            browser.open(url);
            String source = browser.driver().getPageSource();
            assertThat(source).as(url).doesNotContain("<img src=\"x\"", "<img src=x", "<svg onload",
                    "<script>window.__fuzzed");
            // An onerror or onload would run once the page has loaded; it must not have run a second later either.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    ((JavascriptExecutor) browser.driver()).executeScript("return typeof window.__fuzzed;"),
                    "undefined"::equals);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).as("a dialog on " + url)
                    .isInstanceOf(NoAlertPresentException.class);
            return source;
        }
    }

    /**
     * Issue 6's walkthrough across the whole stack: cases made through intake and worked in case-service, counted by
     * reporting from the events, and a statistician in Chromium who filters a year, a nämnd and a kind, downloads the
     * CSV and the årsberättelse as PDF, and finds every number equal to the cases (the test's own ledger, and
     * case-service's queue and store); then the reconciliation with the case store finds no difference.
     *
     * <p>It shares the class's stack (a second stack would cost its start again) and runs after the methods above, so
     * its exact figures are for a nämnd and categories no other test touches: Barn- och utbildningsnämnden
     * ({@code skola-och-forskola}, rektor's unit), Kultur- och fritidsnämnden, the felanmälan category {@code potthal}
     * and lex Maria.
     */
    @Nested
    class AStatisticiansWalkthrough {

        private static final String SKOLA = "barn-och-utbildningsnamnden";
        private static final String KULTUR = "kultur-och-fritidsnamnden";
        private static final String TWO_DAYS = "synpunkt-svar-2-arbetsdagar";
        /** How the page and the årsberättelse name it (reporting.pages.names). */
        private static final String TWO_DAYS_NAME = "Svar på synpunkt inom två arbetsdagar";
        private static final char NBSP = '\u00a0';

        @RegisterExtension
        static final Browser browser = Browser.chromium();

        private final CaseLedger ledger = new CaseLedger();

        @Test
        void filtersAYearANamndAndAKindDownloadsTheCsvAndTheArsberattelseAndEveryNumberMatchesTheCases()
                throws Exception {
            // Synpunkter to Barn- och utbildningsnämnden: every kind; answered in time, answered late, left open, closed.
            var answeredAndClosed = synpunkt("klagomål", "skola-och-forskola", SKOLA, true);
            var answered = synpunkt("klagomål", "skola-och-forskola", SKOLA, true);
            var anonymousOpen = synpunkt("klagomål", "skola-och-forskola", SKOLA, false);
            var praise = synpunkt("beröm", "skola-och-forskola", SKOLA, true);
            var closedUnanswered = synpunkt("förslag", "skola-och-forskola", SKOLA, false);
            var question = synpunkt("fråga", "skola-och-forskola", SKOLA, true);
            var lateLetter = letterReceivedTwoWeeksAgo("klagomål", "skola-och-forskola", SKOLA);
            // Kultur- och fritidsnämnden has no officer here: its cases stay open.
            synpunkt("klagomål", "kultur-och-fritid", KULTUR, true);
            synpunkt("beröm", "kultur-och-fritid", KULTUR, false);
            var potthole = felanmalan();
            var lexMaria = avvikelse();

            for (var made : List.of(answeredAndClosed, answered, anonymousOpen, praise, closedUnanswered, question,
                    lateLetter)) {
                await().atMost(PATIENCE).until(() -> queueEntry("rektor", made.caseId), e -> e != null
                        && e.hasNonNull("dueDate"));
            }
            await().atMost(PATIENCE).until(() -> queueEntry("anna", potthole.caseId), e -> e != null
                    && e.hasNonNull("dueDate"));
            await().atMost(PATIENCE).until(() -> queueEntry("mas", lexMaria.caseId), e -> e != null);
            // the letter's two working days had run out before it was registered (a breach belongs to its due date)
            lateLetter.clockBreached = LocalDate.parse(queueEntry("rektor", lateLetter.caseId).get("dueDate").asString());
            assertThat(lateLetter.clockBreached).isBefore(LocalDate.now(STOCKHOLM));

            answer("rektor", answeredAndClosed, true);
            close("rektor", answeredAndClosed, "besvarat");
            answer("rektor", answered, true);
            answer("rektor", praise, true);
            close("rektor", praise, "besvarat");
            close("rektor", closedUnanswered, "ingen-åtgärd");
            // closed in time without an answer: sla stops the clock as met, but nothing was answered
            closedUnanswered.clockMet = closedUnanswered.closed;
            answer("rektor", lateLetter, false);
            answer("anna", potthole, true);
            close("anna", potthole, "åtgärdat");

            int year = LocalDate.now(STOCKHOLM).getYear();

            // case-service's own view of the nämnd's cases agrees with what the test did
            List<JsonNode> queue = entries(http.get(cases("/api/v1/queue?status=all"), "rektor").json());
            assertThat(queue).extracting(e -> e.get("caseId").asString()).containsExactlyInAnyOrderElementsOf(
                    ledger.cases().stream().filter(CaseLedger.namnd(SKOLA)).map(m -> m.caseId).toList());
            for (JsonNode entry : queue) {
                CaseLedger.Made made = ledger.cases().stream().filter(m -> m.caseId.equals(entry.get("caseId")
                        .asString())).findFirst().orElseThrow();
                assertThat(entry.get("kind").asString()).as(made.caseId).isEqualTo(made.kind);
                assertThat(stockholmDate(entry.get("receivedAt").asString())).as(made.caseId).isEqualTo(made.received);
                assertThat(entry.get("status").asString()).as(made.caseId)
                        .isEqualTo(made.closed != null ? "closed" : made.answered != null ? "answered" : "open");
            }

            // reporting has counted it all, by the API (the figures the page and the årsberättelse are made from)
            CaseLedger.Figures skola = ledger.figures(year, CaseLedger.namnd(SKOLA));
            if (lateLetter.received.getYear() == year && lateLetter.clockBreached.getYear() == year) {
                // what the actions above come to (in the first days of January the letter is last year's)
                assertThat(skola).isEqualTo(new CaseLedger.Figures(7, 4, 3, 3, 4, 4, 1));
            }
            await().atMost(PATIENCE).untilAsserted(() -> assertFigures(yearTotals(year, "namnd=" + SKOLA), skola, TWO_DAYS));
            await().atMost(PATIENCE).untilAsserted(() -> assertFigures(yearTotals(year, "namnd=" + KULTUR),
                    ledger.figures(year, CaseLedger.namnd(KULTUR)), TWO_DAYS));
            await().atMost(PATIENCE).untilAsserted(() -> assertFigures(yearTotals(year,
                    "caseType=FELANMALAN&category=potthal"), ledger.figures(year, m -> m == potthole),
                    "felanmalan-10-arbetsdagar"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(yearTotals(year, "caseType=AVVIKELSE").get("counts")
                    .get("avvikelser:LEX_MARIA:reported").asLong()).isEqualTo(1));

            String klagomal = "KLAGOMAL";
            var selection = CaseLedger.namnd(SKOLA).and(CaseLedger.kind(klagomal));
            CaseLedger.Figures klagomalFigures = ledger.figures(year, selection);

            // The statistician: signs in, filters the year, the nämnd and the kind.
            browser.open(reporting("/logga-in").toString());
            browser.driver().manage().deleteAllCookies();
            browser.open(reporting("/statistik").toString());
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(reporting("/logga-in").toString());
            browser.find("#username").sendKeys("stina");
            browser.find("#password").sendKeys("utveckling");
            browser.clickAndWaitForNextPage("#login-form button[type=submit]");
            browser.assertSwedishPage("Statistik – Medborgardialog");
            new Select(browser.find("#ar")).selectByValue(Integer.toString(year));
            new Select(browser.find("#namnd")).selectByValue(SKOLA);
            new Select(browser.find("#kind")).selectByValue(klagomal);
            browser.clickAndWaitForNextPage("#visa");

            assertThat(browser.find("#inkomna").getText()).isEqualTo(Long.toString(klagomalFigures.received()));
            assertThat(browser.find("#besvarade").getText()).isEqualTo(Long.toString(klagomalFigures.answered()));
            assertThat(text(browser.find("#i-tid"))).isEqualTo(percent(klagomalFigures.answeredWithinDeadlineShare()));
            Map<String, long[]> months = ledger.perMonth(year, selection);
            assertThat(barsWithHeight("svg#volymer rect.bar.bar-received")).isEqualTo(nonZero(months, 0));
            assertThat(barsWithHeight("svg#volymer rect.bar.bar-answered")).isEqualTo(nonZero(months, 1));
            assertThat(browser.findAll("svg#enheter-inkomna rect.bar")).extracting(bar -> bar.getDomAttribute("data-label")
                    + "=" + bar.getDomAttribute("data-value")).containsExactly("Utbildning=" + klagomalFigures.received());
            assertThat(browser.findAll("svg#garantier rect.bar")).extracting(bar -> bar.getDomAttribute("data-label"))
                    .containsExactly(TWO_DAYS_NAME);
            assertThat(text(browser.find("#garantier-tabell tbody tr"))).isEqualTo(String.join(" ", TWO_DAYS_NAME,
                    "riktlinje", Long.toString(klagomalFigures.guaranteeMet()),
                    Long.toString(klagomalFigures.guaranteeBreached()), "0",
                    percent(share(klagomalFigures.guaranteeMet(), klagomalFigures.guaranteeBreached()))));
            browser.assertAccessible();

            // the CSV of the selection, downloaded in the page's session
            String session = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            String pdfLink = browser.find("#arsberattelse-pdf-lank").getDomProperty("href");
            byte[] csv = download(browser.find("#csv-lank").getDomProperty("href"), session, "text/csv");
            assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
            String csvText = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
            assertThat(csvText).endsWith("\r\n");
            assertThat(csvText.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n", "\r");
            List<Map<String, String>> csvRows = csvRows(csvText);
            Map<String, String> total = csvRows.get(csvRows.size() - 1);
            assertThat(total.get("period")).isEqualTo("total");
            assertThat(total).containsEntry("received", Long.toString(klagomalFigures.received()))
                    .containsEntry("answered", Long.toString(klagomalFigures.answered()))
                    .containsEntry("answeredWithinDeadline", Long.toString(klagomalFigures.answeredWithinDeadline()))
                    .containsEntry("closed", Long.toString(klagomalFigures.closed()))
                    .containsEntry("guarantee:" + TWO_DAYS + ":met", Long.toString(klagomalFigures.guaranteeMet()))
                    .containsEntry("guarantee:" + TWO_DAYS + ":breached",
                            Long.toString(klagomalFigures.guaranteeBreached()))
                    .containsEntry("answeredWithinDeadlineShare", decimalComma(
                            klagomalFigures.answeredWithinDeadlineShare()));
            for (Map<String, String> row : csvRows.subList(0, csvRows.size() - 1)) {
                long[] expected = months.getOrDefault(row.get("period"), new long[2]);
                assertThat(List.of(row.get("received"), row.get("answered"))).as("CSV row %s", row.get("period"))
                        .containsExactly(Long.toString(expected[0]), Long.toString(expected[1]));
            }
            assertThat(csvRows.subList(0, csvRows.size() - 1)).extracting(row -> row.get("period"))
                    .containsAll(months.keySet());

            // the årsberättelse of the nämnd for the year: the page, then the PDF
            browser.clickAndWaitForNextPage("#arsberattelse-lank");
            browser.assertSwedishPage("Årsberättelse " + year + " – Medborgardialog");
            String headline = "Årsberättelse " + year + ": Barn- och utbildningsnämnden";
            assertThat(browser.find("#rubrik").getText()).isEqualTo(headline);
            Map<String, Long> kinds = ledger.receivedPerKind(year, CaseLedger.namnd(SKOLA));
            List<String> volumeRows = new ArrayList<>();
            kinds.forEach((kind, received) -> volumeRows.add("Synpunkter – " + KIND_WORDS.get(kind) + " " + received));
            assertThat(browser.findAll("#volymer-tabell tbody tr:not(.total)"))
                    .extracting(row -> row.findElement(By.cssSelector("th")).getText() + " "
                            + row.findElement(By.cssSelector("td")).getText())
                    .containsExactlyElementsOf(volumeRows);
            assertThat(browser.find("#volymer-totalt td").getText()).isEqualTo(Long.toString(skola.received()));
            // every answer in time came the same day, the late letter's after two weeks: the two rules agree here
            String withinTwoDays = "Synpunkter besvarade inom två arbetsdagar " + skola.answered() + " "
                    + percent(skola.answeredWithinDeadlineShare());
            String withinDeadline = "Ärenden besvarade inom sin tidsgräns " + skola.answered() + " "
                    + percent(skola.answeredWithinDeadlineShare());
            assertThat(browser.findAll("#svarstider-tabell tbody tr")).extracting(this::text)
                    .satisfiesExactly(row -> assertThat(row).startsWith(withinTwoDays),
                            row -> assertThat(row).startsWith(withinDeadline));
            String guaranteeRow = String.join(" ", TWO_DAYS_NAME, "riktlinje", Long.toString(skola.guaranteeMet()),
                    Long.toString(skola.guaranteeBreached()), "0",
                    percent(share(skola.guaranteeMet(), skola.guaranteeBreached())));
            assertThat(browser.findAll("#garantier-tabell tbody tr")).extracting(this::text)
                    .singleElement().asString().startsWith(guaranteeRow);
            assertThat(browser.find("#avvikelser-meningar").getText()).isEqualTo("Inga avvikelser rapporterades.");
            String topCategory = "Skola och förskola: " + skola.received() + " ärenden (" + percent(1.0) + ")";
            assertThat(browser.findAll("#kategorier-lista li")).extracting(this::text).containsExactly(topCategory);
            browser.assertAccessible();

            byte[] pdf = download(pdfLink, session, "application/pdf");
            assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
            // kept beside the stack's logs, to look at when this fails
            Files.write(DATA_DIR.resolveSibling("arsberattelse-" + year + ".pdf"), pdf);
            String pdfText;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                // in reading order (openhtmltopdf draws a line's inline parts one after another, not left to right)
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                pdfText = stripper.getText(document).replace(NBSP, ' ').replaceAll("[ \\t]+", " ");
            }
            assertThat(pdfText.replaceAll("\\s+", " ")).as(pdfText).contains(headline);
            assertThat(pdfText).as(pdfText).contains(withinTwoDays, withinDeadline, guaranteeRow,
                    "Inga avvikelser rapporterades.", topCategory);
            for (String volumeRow : volumeRows) {
                assertThat(pdfText).as(pdfText).contains(volumeRow + " 0 +");
            }
            assertThat(pdfText).as(pdfText).contains("Totalt " + skola.received() + " 0 +" + skola.received());

            // the reconciliation with case-service's store, over the last twelve months and this one: no difference
            LocalDate today = LocalDate.now(STOCKHOLM);
            var requested = http.post(reporting("/api/v1/statistics/reconciliation/case-store?period=month&from="
                    + today.minusYears(1).withDayOfMonth(1) + "&to=" + today), "stina", "");
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            String location = requested.json().get("location").asString();
            JsonNode reconciliation = await().atMost(Duration.ofMinutes(3)).until(() ->
                    http.get(reporting(location), "stina").json(), r -> !"väntar".equals(r.get("status").asString()));
            assertThat(reconciliation.get("status").asString()).as(reconciliation.toString()).isEqualTo("klar");
            JsonNode result = reconciliation.get("result");
            assertThat(result.get("consistent").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.get("differences").asLong()).as(result.toString()).isZero();
            assertThat(Stream.concat(entries(result.get("cells")).stream(), entries(result.get("backlog")).stream()))
                    .as(result.toString()).allSatisfy(cell -> assertThat(cell.get("differences").isEmpty()).isTrue());
            // and the case store's own counts of the nämnd's cases are the ledger's
            long storeReceived = 0;
            for (JsonNode cell : entries(result.get("cells"))) {
                if ("utbildning".equals(cell.get("unit").asString())
                        && cell.get("period").asString().startsWith(year + "-")) {
                    storeReceived += cell.get("caseStore").get("received").asLong();
                }
            }
            assertThat(storeReceived).isEqualTo(skola.received());
        }

        private CaseLedger.Made synpunkt(String kind, String category, String namnd, boolean withContact) {
            String contact = withContact ? """
                    , "contact": {"name": "Medborgare", "email": "walkthrough@example.se"}""" : "";
            var receipt = http.post(intake("/api/v1/synpunkter"), null, """
                    {"kind": "%s", "category": "%s", "channel": "web", "text": "Om %s."%s}"""
                    .formatted(kind, category, category, contact));
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            return ledger.made(receipt.json().get("submissionId").asString(), "SYNPUNKT", KINDS.get(kind), category,
                    namnd, stockholmDate(receipt.json().get("receivedAt").asString()));
        }

        private CaseLedger.Made letterReceivedTwoWeeksAgo(String kind, String category, String namnd) {
            OffsetDateTime arrived = OffsetDateTime.now(STOCKHOLM).minusDays(14).truncatedTo(ChronoUnit.SECONDS);
            var receipt = http.post(intake("/api/v1/synpunkter"), "rolf", """
                    {"kind": "%s", "category": "%s", "channel": "brev", "text": "Brev om skolskjutsen.",
                     "receivedAt": "%s", "contact": {"name": "Brevskrivare", "email": "brev@example.se"}}"""
                    .formatted(kind, category, arrived));
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            return ledger.made(receipt.json().get("submissionId").asString(), "SYNPUNKT", KINDS.get(kind), category,
                    namnd, arrived.toLocalDate());
        }

        private CaseLedger.Made felanmalan() {
            var receipt = http.post(intake("/api/v1/felanmalningar"), null, """
                    {"category": "potthal", "description": "Djupt hål i cykelbanan.",
                     "location": {"latitude": 59.3100, "longitude": 18.0200, "address": "Skolvägen 3"},
                     "contact": {"name": "Cyklist", "email": "cyklist@example.se"}}""");
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            return ledger.made(receipt.json().get("submissionId").asString(), "FELANMALAN", null, "potthal",
                    "samhallsbyggnadsnamnden", LocalDate.now(STOCKHOLM));
        }

        private CaseLedger.Made avvikelse() {
            OffsetDateTime happened = OffsetDateTime.now(STOCKHOLM).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
            var receipt = http.post(intake("/api/v1/avvikelser"), "sara", """
                    {"law": "HSL", "unit": "omsorg", "whatHappened": "Fel läkemedel gavs vid morgonbesöket.",
                     "occurredAt": "%s", "noticedAt": "%s", "immediateMeasures": "Läkare kontaktad."}"""
                    .formatted(happened.toInstant(), happened.plusMinutes(20).toInstant()));
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            return ledger.made(receipt.json().get("submissionId").asString(), "AVVIKELSE", null, null,
                    "vard-och-omsorgsnamnden", LocalDate.now(STOCKHOLM));
        }

        private void answer(String officer, CaseLedger.Made made, boolean inTime) {
            var answered = http.post(cases("/api/v1/cases/" + made.caseId + "/answer"), officer, """
                    {"text": "Tack för att du hörde av dig."}""");
            assertThat(answered.status()).as(answered.body()).isBetween(200, 202);
            made.answered = LocalDate.now(STOCKHOLM);
            made.answeredInTime = inTime;
            if (inTime) {
                made.clockMet = made.answered;
            }
        }

        private void close(String officer, CaseLedger.Made made, String outcome) {
            var closed = http.post(cases("/api/v1/cases/" + made.caseId + "/close"), officer, """
                    {"outcome": "%s"}""".formatted(outcome));
            assertThat(closed.status()).as(closed.body()).isBetween(200, 202);
            made.closed = LocalDate.now(STOCKHOLM);
        }

        /** The year's totals of the aggregate API for a filter ({@code namnd=…}), as the statistician. */
        private JsonNode yearTotals(int year, String filter) {
            var response = http.get(reporting("/api/v1/statistics?period=year&from=" + year + "-01-01&to=" + year
                    + "-12-31&" + filter), "stina");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json().get("totals");
        }

        private static void assertFigures(JsonNode totals, CaseLedger.Figures expected, String guarantee) {
            JsonNode counts = totals.get("counts");
            assertThat(new CaseLedger.Figures(count(counts, "received"), count(counts, "answered"),
                    count(counts, "answeredWithinDeadline"), count(counts, "closed"), count(counts, "backlog"),
                    count(counts, "guarantee:" + guarantee + ":met"), count(counts, "guarantee:" + guarantee
                            + ":breached"))).as(totals.toString()).isEqualTo(expected);
        }

        private static long count(JsonNode counts, String name) {
            return counts.hasNonNull(name) ? counts.get(name).asLong() : 0;
        }

        /** The columns drawn with a height, label → value. */
        private Map<String, String> barsWithHeight(String selector) {
            Map<String, String> bars = new TreeMap<>();
            for (WebElement bar : browser.findAll(selector)) {
                if (Double.parseDouble(bar.getDomAttribute("height")) > 0) {
                    bars.put(bar.getDomAttribute("data-label"), bar.getDomAttribute("data-value"));
                }
            }
            return bars;
        }

        private static Map<String, String> nonZero(Map<String, long[]> months, int series) {
            Map<String, String> bars = new TreeMap<>();
            months.forEach((month, values) -> {
                if (values[series] > 0) {
                    bars.put(month, Long.toString(values[series]));
                }
            });
            return bars;
        }

        private String text(WebElement element) {
            return element.getText().replace(NBSP, ' ').replaceAll("\\s+", " ").strip();
        }

        private static Double share(long part, long rest) {
            return part + rest == 0 ? null : Math.round(10_000.0 * part / (part + rest)) / 10_000.0;
        }

        /** As the pages write a share: {@code 66,7 %}. */
        private static String percent(Double share) {
            return share == null ? "–" : new java.math.BigDecimal(share * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                    .toPlainString().replace('.', ',') + " %";
        }

        private static String decimalComma(Double share) {
            return java.math.BigDecimal.valueOf(share).stripTrailingZeros().toPlainString().replace('.', ',');
        }

        private static byte[] download(String url, String cookie, String contentType) throws Exception {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
            return response.body();
        }

        /** The CSV's lines as maps from its header's names (the export has no quoted separators in these rows). */
        private static List<Map<String, String>> csvRows(String text) {
            List<String> lines = List.of(text.split("\r\n"));
            List<String> header = List.of(lines.get(0).split(";", -1));
            assertThat(header).contains("period", "received", "answered", "answeredWithinDeadline");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(";", -1);
                assertThat(fields).as(line).hasSize(header.size());
                Map<String, String> row = new java.util.LinkedHashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    row.put(header.get(i), fields[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static final Map<String, String> KINDS = Map.of("klagomål", "KLAGOMAL", "beröm", "BEROM",
            "förslag", "FORSLAG", "fråga", "FRAGA");
    /** The årsberättelse's words for each kind of synpunkt. */
    private static final Map<String, String> KIND_WORDS = Map.of("KLAGOMAL", "klagomål", "BEROM", "beröm",
            "FORSLAG", "förslag", "FRAGA", "frågor");

    private static LocalDate stockholmDate(String instant) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(STOCKHOLM).toLocalDate();
    }

    /** A valid personnummer (born 1 January 1980), a different one per serial, with its Luhn check digit. */
    private static String person(int serial) {
        String nine = "800101" + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return "19800101-" + nine.substring(6) + (10 - sum % 10) % 10;
    }

    /**
     * The citizen's side of a broken tjänstegaranti, across the whole stack: the administrator adds a guarantee, a
     * letter registered long after it came in breaks it at once, the citizen gets the mail with the compensation and the
     * complaint link, the status API offers the complaint, and the complaint opens in the unit that has the case,
     * linked to it. The party's demand for a decision then starts sla-service's FL 12 § clock.
     */
    @Test
    void aBrokenTjanstegarantiIsMailedWithItsCompensationAndTheComplaintOpensLinkedInTheSameUnit() {
        var guarantee = http.post(sla("/api/v1/guarantees"), "ada", """
                {"id": "aldreomsorg-svar-4-timmar", "municipality": "Exempelkommun", "namnd": "Äldrenämnden",
                 "title": "Svar om äldreomsorgen inom fyra timmar", "type": "TJANSTEGARANTI",
                 "covers": {"caseTypes": ["SYNPUNKT"], "categories": ["aldreomsorg"]},
                 "clock": "aldreomsorg-svar", "duration": "PT4H",
                 "compensation": {"text": "Du får ett personligt svar från förvaltningschefen."}}""");
        assertThat(guarantee.status()).as(guarantee.body()).isEqualTo(201);
        OffsetDateTime letterArrived = OffsetDateTime.now(STOCKHOLM).minusMonths(7).truncatedTo(ChronoUnit.SECONDS);
        var receipt = http.post(intake("/api/v1/synpunkter"), "rolf", """
                {"kind": "klagomål", "category": "aldreomsorg", "channel": "brev",
                 "text": "Min mamma har inte fått sina matleveranser.", "receivedAt": "%s",
                 "contact": {"name": "Maj Lind", "email": "maj@example.se"}}""".formatted(letterArrived));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String caseId = receipt.json().get("submissionId").asString();
        String trackingCode = receipt.json().get("trackingCode").asString();

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(clockStatus("sara", caseId, "aldreomsorg-svar")).isEqualTo("BREACHED"));
        String diarienummer = await().atMost(PATIENCE).until(() -> queueEntry("sara", caseId), entry -> entry != null)
                .get("diarienummer").asString();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode mail = mailTo("maj@example.se", "Vi höll inte tjänstegarantin för din synpunkt " + diarienummer);
            assertThat(mail).as("the breach mail to maj@example.se").isNotNull();
            assertThat(mail.get("body").asString()).contains("”Svar om äldreomsorgen inom fyra timmar”",
                    "Du får ett personligt svar från förvaltningschefen.",
                    "/klagomal-garanti?kod=" + trackingCode);
        });
        JsonNode original = http.get(cases("/api/v1/cases/" + caseId), "sara").json();
        assertThat(original.get("guaranteeBreaches").get(0).get("compensation").asString())
                .isEqualTo("Du får ett personligt svar från förvaltningschefen.");
        JsonNode breached = await().atMost(PATIENCE).until(() -> publicStatus(trackingCode).get("guaranteeBreached"),
                node -> node != null && !node.isNull());
        assertThat(breached.get("title").asString()).isEqualTo("Svar om äldreomsorgen inom fyra timmar");
        assertThat(breached.get("complaintUrl").asString()).isEqualTo("/klagomal-garanti?kod=" + trackingCode);

        var complaint = http.post(intake("/api/v1/status/" + trackingCode + "/klagomal"), null, """
                {"contact": {"name": "Maj Lind", "email": "maj@example.se"}}""");
        assertThat(complaint.status()).as(complaint.body()).isEqualTo(202);
        String complaintId = complaint.json().get("submissionId").asString();
        JsonNode opened = await().atMost(PATIENCE).until(() -> {
            var read = http.get(cases("/api/v1/cases/" + complaintId), "sara");
            return read.status() == 200 ? read.json() : null;
        }, node -> node != null);
        assertThat(opened.get("unit").asString()).isEqualTo("omsorg");
        assertThat(opened.get("kind").asString()).isEqualTo("KLAGOMAL");
        assertThat(opened.get("concerns").get("diarienummer").asString()).isEqualTo(diarienummer);
        assertThat(opened.get("text").asString()).contains("Svar om äldreomsorgen inom fyra timmar", diarienummer);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get(cases("/api/v1/cases/" + caseId), "sara")
                .json().get("links").toString()).contains(complaintId, "incoming"));

        var demanded = http.post(cases("/api/v1/cases/" + caseId + "/decision-demand"), "sara", "{}");
        assertThat(demanded.status()).as(demanded.body()).isBetween(201, 202);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(clockStatus("sara", caseId, "fl-12-avgorande")).isEqualTo("RUNNING"));
    }

    private JsonNode queueEntry(String officer, String caseId) {
        var queue = http.get(cases("/api/v1/queue?status=all"), officer);
        if (queue.status() != 200) {
            return null;
        }
        return entries(queue.json()).stream().filter(e -> caseId.equals(e.get("caseId").asString())).findFirst().orElse(null);
    }

    private String deadlineStatus(String user, String caseId) {
        return clockStatus(user, caseId, "first-answer");
    }

    private String clockStatus(String user, String caseId, String clock) {
        var deadlines = http.get(sla("/api/v1/deadlines/" + caseId), user);
        if (deadlines.status() != 200) {
            return "HTTP " + deadlines.status();
        }
        return entries(deadlines.json()).stream().filter(d -> clock.equals(d.get("clock").asString()))
                .map(d -> d.get("status").asString()).findFirst().orElse("none");
    }

    private JsonNode publicStatus(String trackingCode) {
        var status = http.get(intake("/api/v1/status/" + trackingCode), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    private JsonNode statistics(String date, String unit) {
        var response = http.get(reporting("/api/v1/statistics/synpunkter?from=" + date + "&to=" + date + "&unit=" + unit), "stina");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("totals");
    }

    /** A list answer may be a bare array or an object holding one array. */
    private static List<JsonNode> entries(JsonNode node) {
        JsonNode array = node.isArray() ? node
                : StreamSupport.stream(node.spliterator(), false).filter(JsonNode::isArray).findFirst().orElseThrow();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The mail the stack's SMTP server received for {@code address} with {@code subject} (its mail API); null if none. */
    private JsonNode mailTo(String address, String subject) {
        for (JsonNode mail : http.get(stack.mailApi(), null).json()) {
            if (address.equals(mail.get("to").asString()) && subject.equals(mail.get("subject").asString())) {
                return mail;
            }
        }
        return null;
    }

    /** The newest mail to {@code address} whose body contains {@code text}; null if none. */
    private JsonNode mailWithBodyContaining(String address, String text) {
        JsonNode found = null;
        for (JsonNode mail : http.get(stack.mailApi(), null).json()) {
            if (address.equals(mail.get("to").asString()) && mail.get("body").asString().contains(text)) {
                found = mail;
            }
        }
        return found;
    }

    private static URI intake(String path) {
        return stack.url(Service.INTAKE).resolve(path);
    }

    private static URI cases(String path) {
        return stack.url(Service.CASE).resolve(path);
    }

    private static URI sla(String path) {
        return stack.url(Service.SLA).resolve(path);
    }

    private static URI reporting(String path) {
        return stack.url(Service.REPORTING).resolve(path);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
