package se.medborgardialog.reporting.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The statistician in headless Chromium: signs in, filters a year, a nämnd and a kind, sees the charts drawn, downloads
 * the CSV, and axe finds nothing serious.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS})
class StatisticsPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    private static boolean seeded;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-statpage-browser"));
    }

    @LocalServerPort
    int port;
    @Autowired
    StatisticCells cells;
    @Autowired
    Generations generations;

    @BeforeEach
    void seed() {
        if (!seeded) {
            SeededAggregates.seed(cells, generations);
            seeded = true;
        }
    }

    @Test
    void theStatisticianFiltersAYearANamndAndAKindAndDownloadsTheCsv() throws Exception {
        browser.open(url("/logga-in"));
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/statistik"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/logga-in"));
        browser.find("#username").sendKeys("stina");
        browser.find("#password").sendKeys("utveckling");
        browser.clickAndWaitForNextPage("#login-form button[type=submit]");
        assertThat(browser.driver().getCurrentUrl()).startsWith(url("/statistik"));
        browser.assertSwedishPage("Statistik – Medborgardialog");
        browser.assertAccessible();

        new Select(browser.find("#ar")).selectByValue("2026");
        new Select(browser.find("#namnd")).selectByValue(SeededAggregates.SAMHALLSBYGGNAD);
        new Select(browser.find("#kind")).selectByValue("KLAGOMAL");
        browser.clickAndWaitForNextPage("#visa");

        assertThat(browser.find("#inkomna").getText()).isEqualTo("12");
        // one bar per month and series; only March's have height
        List<WebElement> received = browser.findAll("svg#volymer rect.bar.bar-received");
        assertThat(received).extracting(bar -> bar.getDomAttribute("data-label")).contains("2026-03", "2026-12");
        assertThat(received).filteredOn(bar -> Double.parseDouble(bar.getDomAttribute("height")) > 0)
                .extracting(bar -> bar.getDomAttribute("data-label") + "=" + bar.getDomAttribute("data-value"))
                .containsExactly("2026-03=12");
        assertThat(browser.findAll("svg#volymer rect.bar.bar-answered"))
                .filteredOn(bar -> Double.parseDouble(bar.getDomAttribute("height")) > 0)
                .extracting(bar -> bar.getDomAttribute("data-label") + "=" + bar.getDomAttribute("data-value"))
                .containsExactly("2026-03=10");
        assertThat(browser.findAll("svg#enheter-inkomna rect.bar")).extracting(bar -> bar.getDomAttribute("data-label"))
                .containsExactly("Stadsmiljö");
        assertThat(browser.findAll("svg#garantier rect.bar")).extracting(bar -> bar.getDomAttribute("data-label"))
                .containsExactly("Svar på synpunkt inom två arbetsdagar");
        assertThat(browser.find("svg#volymer title").getAttribute("textContent")).isEqualTo("Inkomna och besvarade per period");
        assertThat(browser.find("#volymer-tabell tbody").getText()).contains("2026-03", "12", "10", "80,0 %");
        browser.assertAccessible();

        String csvLink = browser.find("#csv-lank").getDomProperty("href");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvLink))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("2026-03", ";0,8;");

        browser.clickAndWaitForNextPage("#arsberattelse-lank");
        browser.assertSwedishPage("Årsberättelse 2026 – Medborgardialog");
        assertThat(browser.find("#rubrik").getText()).isEqualTo("Årsberättelse 2026: Samhällsbyggnadsnämnden");
        browser.assertAccessible();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
