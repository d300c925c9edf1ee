package se.medborgardialog.reporting.pages;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.medborgardialog.reporting.facts.CountingProperties;
import se.medborgardialog.reporting.security.StaffDirectory;
import se.medborgardialog.reporting.statistics.UnitScope;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * A förvaltning's årsberättelse ({@code ?forvaltning=<nämnd>&ar=<year>}) as a page and as PDF: the same figures and
 * the same XHTML part ({@code arsberattelse-innehall}), the PDF drawn by openhtmltopdf with its own print styles.
 */
@Controller
class ArsberattelsePage {

    private static final String PAGE = PagesSecurity.HOME + "/arsberattelse";

    private final Arsberattelser arsberattelser;
    private final StaffDirectory staff;
    private final CountingProperties counting;
    private final ITemplateEngine templates;
    private final Clock clock;

    ArsberattelsePage(Arsberattelser arsberattelser, StaffDirectory staff, CountingProperties counting,
                      ITemplateEngine templates, Clock clock) {
        this.arsberattelser = arsberattelser;
        this.staff = staff;
        this.counting = counting;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String forvaltning, @RequestParam(required = false) String ar,
                Authentication reader, @AuthenticationPrincipal StatisticsUser user, Model model,
                HttpServletResponse response) {
        model.addAttribute("signedIn", user.getUsername());
        List<String> errors = check(forvaltning, ar);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            return "arsberattelse-fel";
        }
        Arsberattelse report = arsberattelser.write(forvaltning.strip(), Integer.parseInt(ar.strip()),
                staff.scopeOf(reader));
        model.addAttribute("a", report);
        model.addAttribute("pdfLink", StatisticsPage.link(PAGE + ".pdf",
                java.util.Map.of("forvaltning", report.forvaltning(), "ar", Integer.toString(report.year()))));
        return "arsberattelse";
    }

    @GetMapping(PAGE + ".pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String forvaltning,
                               @RequestParam(required = false) String ar, Authentication reader) {
        List<String> errors = check(forvaltning, ar);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                    .body(String.join("\n", errors).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Arsberattelse report = arsberattelser.write(forvaltning.strip(), Integer.parseInt(ar.strip()),
                staff.scopeOf(reader));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("arsberattelse-" + report.forvaltning() + "-" + report.year() + ".pdf").build().toString())
                .body(render(report));
    }

    /** The PDF of the print template. Its base-14 font has no minus sign (U+2212): a hyphen stands in. */
    byte[] render(Arsberattelse report) {
        Context context = new Context(SwedishNumbers.SWEDISH);
        context.setVariable("a", report);
        String xhtml = templates.process("arsberattelse-pdf", context).replace(SwedishNumbers.MINUS, '-');
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(pdf).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private List<String> check(String forvaltning, String ar) {
        List<String> errors = new ArrayList<>();
        Set<String> namnder = new HashSet<>(counting.namnder().values());
        if (forvaltning == null || !namnder.contains(forvaltning.strip())) {
            errors.add("Välj en förvaltning (nämnd) bland " + String.join(", ", new java.util.TreeSet<>(namnder)) + ".");
        }
        int thisYear = clock.instant().atZone(SwedishCalendar.STOCKHOLM).getYear();
        if (ar == null || !ar.strip().matches("\\d{4}") || Integer.parseInt(ar.strip()) > thisYear
                || Integer.parseInt(ar.strip()) < 2000) {
            errors.add("Ange ett år mellan 2000 och " + thisYear + " med fyra siffror.");
        }
        return errors;
    }
}
