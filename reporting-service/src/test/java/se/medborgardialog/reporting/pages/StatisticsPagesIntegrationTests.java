package se.medborgardialog.reporting.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The statisticians' page and the årsberättelse over seeded aggregate cells: who may see what, the filters, the charts,
 * the CSV, and the årsberättelse's figures as a page and as PDF.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS})
class StatisticsPagesIntegrationTests {

    private static final String NBSP = "\u00a0";
    private static boolean seeded;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-statpage"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    StatisticCells cells;
    @Autowired
    Generations generations;

    private final StatisticsUser stina = SeededAggregates.user("stina", "STATISTICIAN");
    private final StatisticsUser maria = SeededAggregates.user("maria", "MANAGER", "stadsmiljo", "medborgarservice");
    private final StatisticsUser anna = SeededAggregates.user("anna", "OFFICER", "stadsmiljo");

    @BeforeEach
    void seed() {
        if (!seeded) {
            SeededAggregates.seed(cells, generations);
            seeded = true;
        }
    }

    @Test
    void theLoginPageIsTheStaffPagesSharedOneWithTheSharedAndTheChartsStylesheetsServedWithoutASession() throws Exception {
        mvc.perform(get("/logga-in"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Logga in för att se statistiken och årsberättelserna.")))
                .andExpect(content().string(containsString("href=\"/css/staff.css\"")))
                .andExpect(content().string(containsString("href=\"/css/statistik.css\"")))
                .andExpect(content().string(containsString("Medborgardialog – statistik")));
        mvc.perform(get("/css/staff.css"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(".error-summary")));
        mvc.perform(get("/css/statistik.css"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(".chart-with-table")));
    }

    @Test
    void sendsSomeoneNotSignedInToTheLoginPage() throws Exception {
        mvc.perform(get("/statistik")).andExpect(status().isFound()).andExpect(redirectedUrl("/logga-in"));
    }

    @Test
    void showsTheStatisticianChartsOfTheFilteredSelection() throws Exception {
        mvc.perform(get("/statistik").param("ar", "2026").param("namnd", SeededAggregates.SAMHALLSBYGGNAD)
                        .param("kind", "KLAGOMAL").with(user(stina)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'none'")))
                .andExpect(content().string(containsString("<title id=\"volymer-title\">Inkomna och besvarade per period</title>")))
                .andExpect(content().string(containsString("class=\"bar bar-received\" data-label=\"2026-03\" data-value=\"12\"")))
                .andExpect(content().string(containsString("class=\"bar bar-answered\" data-label=\"2026-03\" data-value=\"10\"")))
                .andExpect(content().string(containsString("class=\"bar bar-in-time\" data-label=\"Stadsmiljö\" data-value=\"0.8000\"")))
                .andExpect(content().string(containsString("data-label=\"Svar på synpunkt inom två arbetsdagar\" data-value=\"0.8000\"")))
                // the beröm and the other nämnder's cases are filtered out
                .andExpect(content().string(not(containsString("data-value=\"5\""))))
                .andExpect(content().string(not(containsString("Utbildning</th>"))))
                .andExpect(content().string(containsString(
                        "/statistik/export.csv?from=2026-01-01&amp;to=2026-12-31&amp;period=month&amp;namnd=samhallsbyggnadsnamnden&amp;kind=KLAGOMAL")))
                .andExpect(content().string(containsString("/statistik/arsberattelse?forvaltning=samhallsbyggnadsnamnden&amp;ar=2026")));
    }

    @Test
    void showsAManagerOnlyHerOwnUnits() throws Exception {
        mvc.perform(get("/statistik").param("ar", "2026").with(user(maria)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"row\">Stadsmiljö</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\">Medborgarservice</th>")))
                .andExpect(content().string(not(containsString("<th scope=\"row\">Utbildning</th>"))))
                .andExpect(content().string(not(containsString("<th scope=\"row\">Omsorg</th>"))));
    }

    @Test
    void refusesAManagerTheFilterOfAnotherUnit() throws Exception {
        mvc.perform(get("/statistik").param("unit", "utbildning").with(user(maria)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Du kan bara se statistik för dina egna enheter.")));
        mvc.perform(get("/statistik/export.csv").param("unit", "utbildning").with(user(maria)))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnOfficerWithTheSwedishPage() throws Exception {
        mvc.perform(get("/statistik").with(user(anna)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/statistik/nekad"));
        mvc.perform(get("/statistik/nekad").with(user(anna)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Statistiken är till för statistiker och enhetschefer")));
        mvc.perform(get("/statistik/arsberattelse.pdf").param("forvaltning", SeededAggregates.SAMHALLSBYGGNAD)
                .param("ar", "2026").with(user(anna))).andExpect(status().isForbidden());
    }

    @Test
    void namesEveryBadFilterOnThePage() throws Exception {
        mvc.perform(get("/statistik").param("ar", "tjugo").param("kind", "okänt").with(user(stina)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange året med fyra siffror.")))
                .andExpect(content().string(containsString("href=\"#kind\"")));
    }

    @Test
    void downloadsTheSelectionAsCsvWithBomAndDecimalComma() throws Exception {
        byte[] csv = mvc.perform(get("/statistik/export.csv").param("from", "2026-01-01").param("to", "2026-12-31")
                        .param("period", "year").param("namnd", SeededAggregates.SAMHALLSBYGGNAD).param("kind", "KLAGOMAL")
                        .with(user(stina)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains(";0,8;").doesNotContain("0.8");
    }

    @Test
    void writesTheArsberattelseWithTheChangeFromThePreviousYear() throws Exception {
        String page = mvc.perform(get("/statistik/arsberattelse").param("forvaltning", SeededAggregates.SAMHALLSBYGGNAD)
                        .param("ar", "2026").with(user(stina)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Årsberättelse 2026: Samhällsbyggnadsnämnden");
        // klagomål 12 against 10, beröm 5 against 5, felanmälningar 7 against 0; in all 24 against 15
        assertThat(row(page, "Synpunkter – klagomål")).contains(">12<", ">10<", ">+2<", ">+20,0" + NBSP + "%<");
        assertThat(row(page, "Synpunkter – beröm")).contains(">5<", ">0<", ">0,0" + NBSP + "%<");
        assertThat(row(page, "Felanmälningar")).contains(">7<", ">0<", ">+7<", ">–<");
        assertThat(row(page, "Totalt")).contains(">24<", ">15<", ">+9<", ">+60,0" + NBSP + "%<");
        // 8 of 10 answers within two working days, against 7 of 10
        assertThat(row(page, "Synpunkter besvarade inom två arbetsdagar"))
                .contains(">80,0" + NBSP + "%<", ">70,0" + NBSP + "%<", ">+10,0" + NBSP + "procentenheter<");
        assertThat(row(page, "Släckt gatubelysning lagad inom tre veckor")).contains(">tjänstegaranti<", ">6<", ">1<", ">85,7" + NBSP + "%<");
        assertThat(page).contains("Inga avvikelser rapporterades.");
        assertThat(page).containsSubsequence("Gata och trafik", "12", "Gatubelysning", "7", "Park och natur", "5");
        assertThat(page).doesNotContain("bibliotek", "skolskjuts");
    }

    @Test
    void summarisesTheAvvikelserInASentence() throws Exception {
        mvc.perform(get("/statistik/arsberattelse").param("forvaltning", "vard-och-omsorgsnamnden").param("ar", "2026")
                        .with(user(stina)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("19 lex Sarah-rapporter, ingen allvarlig nog för IVO.")));
    }

    @Test
    void refusesAnArsberattelseOfAnUnknownForvaltning() throws Exception {
        mvc.perform(get("/statistik/arsberattelse").param("forvaltning", "okand").param("ar", "2026").with(user(stina)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Välj en förvaltning")));
    }

    @Test
    void writesTheArsberattelseAsPdfWithTheHeadlineFigures() throws Exception {
        byte[] pdf = mvc.perform(get("/statistik/arsberattelse.pdf").param("forvaltning", SeededAggregates.SAMHALLSBYGGNAD)
                        .param("ar", "2026").with(user(stina)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replace(NBSP, " ");
        }
        assertThat(text).contains("Årsberättelse 2026: Samhällsbyggnadsnämnden", "Synpunkter – klagomål",
                "+20,0 %", "+60,0 %", "80,0 %", "85,7 %", "Inga avvikelser rapporterades.");
        assertThat(text).doesNotContain("#");
    }

    /** The table row (from its header cell to the row's end) whose header is {@code label}. */
    private static String row(String page, String label) {
        int start = page.indexOf(">" + label + "</th>");
        assertThat(start).as("row %s", label).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
