package se.medborgardialog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver, one per test class:
 * {@code @RegisterExtension static final Browser browser = Browser.chromium();}. Both paths are given to Selenium,
 * so Selenium Manager never runs and nothing is downloaded. Without them the class is skipped with a message,
 * unless {@value #REQUIRE} is set (CI sets it), when it fails instead.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    public static final String REQUIRE = "MEDBORGARDIALOG_REQUIRE_BROWSER";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** WCAG 2.1 A and AA, as axe-core tags them. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    /** Free text that would run and make a bold element if a page wrote it out as markup. */
    public static final String SCRIPT_IN_FREE_TEXT = "<script>window.__xss=1</script><b>fet</b>";

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    private final boolean javaScript;
    private ChromeDriver driver;
    private Path profile;

    private Browser(boolean javaScript) {
        this.javaScript = javaScript;
    }

    public static Browser chromium() {
        return new Browser(true);
    }

    /** Chromium with JavaScript switched off for every site, as some citizens browse. */
    public static Browser chromiumWithoutJavaScript() {
        return new Browser(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
            if (System.getenv(REQUIRE) != null) {
                throw new IllegalStateException(missing + " (" + REQUIRE + " is set, so they may not be skipped)");
            }
            // A class skipped before its first test shows up in no count, so say it where the build output shows it.
            log.warn("{}; skipping {}", missing, context.getDisplayName());
            Assumptions.abort(missing + "; skipping " + context.getDisplayName());
        }
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + profile);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            deleteRecursively(profile);
            profile = null;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** Clicks a submit button (or link) and waits until the next page has replaced this one. */
    public void clickAndWaitForNextPage(String cssSelector) {
        WebElement html = find("html");
        find(cssSelector).click();
        new WebDriverWait(driver, WAIT).until(browser -> isGone(html));
    }

    /** Waits for the page with this title, e.g. after a keyboard user sent a form. */
    public void awaitTitle(String title) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.titleIs(title));
    }

    /** Chromium answers for an element of a page it has left either "stale" or "not in the document". */
    private static boolean isGone(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    /** Presses keys as a keyboard user does: each goes to whatever has the focus. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    public void tab() {
        press(Keys.TAB);
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Tabs once and returns what has the focus now, after checking that it shows it (WCAG 2.4.7). */
    public WebElement tabToVisiblyFocused() {
        tab();
        WebElement focused = focused();
        assertThat(focused.getCssValue("outline-style")).as("outline of the focused %s", focused.getAccessibleName())
                .isNotEqualTo("none");
        assertThat(focused.getCssValue("outline-width")).as("outline of the focused %s", focused.getAccessibleName())
                .isNotEqualTo("0px");
        return focused;
    }

    /**
     * The page shows a form's errors as WCAG asks: a summary that has the focus and links to each field in error,
     * each of those fields marked invalid, and each message written out (starting "Fel:", not told by colour alone)
     * and tied to its field with aria-describedby. Returns the summary's links.
     */
    public List<WebElement> assertErrorsTiedToFields() {
        WebElement summary = find(".error-summary");
        assertThat(focused()).as("the error summary has the focus").isEqualTo(summary);
        List<WebElement> links = summary.findElements(By.cssSelector("a"));
        List<WebElement> messages = findAll(".error-message");
        assertThat(links).as("the summary's links").isNotEmpty().hasSameSizeAs(messages);
        for (WebElement link : links) {
            String target = link.getDomAttribute("href");
            assertThat(target).as("summary link %s", link.getText()).startsWith("#");
            WebElement field = find(target);
            assertThat(field.getDomAttribute("aria-invalid")).as("%s is marked invalid", target).isEqualTo("true");
        }
        for (WebElement message : messages) {
            String id = message.getDomAttribute("id");
            assertThat(message.getText()).as("error message %s", id).startsWith("Fel:");
            assertThat(findAll("[aria-describedby~='" + id + "']")).as("fields described by %s", id).isNotEmpty();
        }
        return links;
    }

    /** The page is in Swedish, as its {@code lang} says (WCAG 3.1.1), and has this title (2.4.2). */
    public void assertSwedishPage(String title) {
        assertThat(find("html").getDomAttribute("lang")).as("the page's language").isEqualTo("sv");
        assertThat(driver.getTitle()).as("the page's title").isEqualTo(title);
    }

    /**
     * Runs axe-core on the page as it is now and fails on any WCAG 2.1 A/AA violation of serious or critical
     * impact, listing every violation (with its nodes) so the message is enough to fix them; then checks reflow,
     * which axe cannot.
     */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", results.getUrl(), results.getErrorMessage())
                .isFalse();
        assertThat(results.getPasses()).as("axe-core checked something on %s", results.getUrl()).isNotEmpty();
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertThat(blocking).as("serious or critical WCAG 2.1 AA violations on %s (%s):%n%s",
                        driver.getCurrentUrl(), driver.getTitle(), describe(results.getViolations()))
                .isEmpty();
        assertReflowsAt320Pixels();
    }

    /**
     * WCAG 1.4.10 (reflow): at 320 CSS pixels wide (a phone, or 1280 pixels at 400 % zoom) the page needs no
     * scrolling sideways. The window gets its size back afterwards.
     */
    private void assertReflowsAt320Pixels() {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(320, 800));
        try {
            assertThat(driver.executeScript("return window.innerWidth;")).as("the window's width").isEqualTo(320L);
            Object visible = driver.executeScript("return document.documentElement.clientWidth;");
            Object content = driver.executeScript("return document.documentElement.scrollWidth;");
            assertThat(content).as("the width of %s in a window 320 pixels wide", driver.getTitle())
                    .isEqualTo(visible);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Nothing written into the page from free text ran as script or became markup. */
    public void assertNoMarkupFromFreeText() {
        Object xss = ((JavascriptExecutor) driver).executeScript("return typeof window.__xss;");
        assertThat(xss).as("window.__xss after the page showed free text").isEqualTo("undefined");
        assertThat(findAll("b")).as("bold elements made from free text").isEmpty();
    }

    static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
                        + rule.getHelpUrl() + rule.getNodes().stream().map(Browser::describe)
                        .collect(Collectors.joining()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String describe(CheckedNode node) {
        return System.lineSeparator() + "    " + node.getTarget() + " " + node.getHtml()
                + System.lineSeparator() + "      " + String.valueOf(node.getFailureSummary())
                .replace("\n", System.lineSeparator() + "      ");
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
