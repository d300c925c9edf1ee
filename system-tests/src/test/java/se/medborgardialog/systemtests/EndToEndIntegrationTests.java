package se.medborgardialog.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
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
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get(cases("/api/v1/cases/" + caseId),
                    "bertil").json().get("replies").get(0).get("text").asString()).isEqualTo("Svar " + MARKUP));
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
