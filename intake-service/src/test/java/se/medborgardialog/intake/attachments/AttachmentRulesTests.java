package se.medborgardialog.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.medborgardialog.intake.web.FieldViolation;

class AttachmentRulesTests {

    private final AttachmentRules rules = new AttachmentRules(5, 10 * 1024 * 1024);

    @Test
    void detectsImagesAndPdfFromTheirBytesWhateverTheyAreCalled() {
        AttachmentRules.Checked checked = rules.check(List.of(
                new Upload("attachments[0]", "bild.pdf", TestFiles.png()),
                new Upload("attachments[1]", "kvitto", TestFiles.pdf()),
                new Upload("attachments[2]", "foto.png", TestFiles.jpeg())), AttachmentKind.SYNPUNKT);

        assertThat(checked.refusals()).isEmpty();
        assertThat(checked.files()).extracting(CheckedFile::contentType)
                .containsExactly("image/png", "application/pdf", "image/jpeg");
        assertThat(checked.files()).extracting(CheckedFile::fileName).containsExactly("bild.pdf", "kvitto", "foto.png");
        assertThat(checked.files().get(0).sha256()).isEqualTo(AttachmentRules.sha256(TestFiles.png())).hasSize(64);
    }

    @Test
    void refusesAnHtmlPageAZipAndTextNamedLikeImagesNamingEachField() {
        AttachmentRules.Checked checked = rules.check(List.of(
                new Upload("attachments[0]", "foto.jpg", TestFiles.png()),
                new Upload("attachments[1]", "foto.jpg", TestFiles.html()),
                new Upload("attachments[2]", "semester.jpg", TestFiles.zip()),
                new Upload("attachments[3]", "karta.png", TestFiles.text())), AttachmentKind.SYNPUNKT);

        assertThat(checked.files()).isEmpty();
        assertThat(checked.refusals()).extracting(refusal -> refusal.violation().field())
                .containsExactly("attachments[1]", "attachments[2]", "attachments[3]");
        assertThat(checked.refusals().get(0).violation().message())
                .isEqualTo("Filen ”foto.jpg” är inte en bild eller PDF (innehållet är text/html).");
        assertThat(checked.refusals().get(1).violation().message()).contains("application/zip");
        assertThat(checked.refusals()).allMatch(refusal -> refusal.reason() == AttachmentRules.Reason.WRONG_TYPE);
    }

    @Test
    void refusesAnSvgBecauseItCanCarryScript() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rules.check(List.of(new Upload("attachments[0]", "logo.svg", svg)), AttachmentKind.SYNPUNKT)
                .refusals()).extracting(refusal -> refusal.violation().message())
                .containsExactly("Filen ”logo.svg” är inte en bild eller PDF (innehållet är image/svg+xml).");
    }

    @Test
    void aFelanmalanTakesImagesButNoPdf() {
        AttachmentRules.Checked checked = rules.check(List.of(new Upload("photos[0]", "karta.pdf", TestFiles.pdf())),
                AttachmentKind.FELANMALAN);

        assertThat(checked.refusals()).extracting(AttachmentRules.Refusal::violation).containsExactly(
                new FieldViolation("photos[0]", "Filen ”karta.pdf” är inte en bild (innehållet är application/pdf)."));
    }

    @Test
    void refusesMoreThanFiveFilesAndAnEmptyOne() {
        List<Upload> six = IntStream.range(0, 6)
                .mapToObj(i -> new Upload("attachments[" + i + "]", i + ".png", i == 5 ? new byte[0] : TestFiles.png()))
                .toList();

        AttachmentRules.Checked checked = rules.check(six, AttachmentKind.SYNPUNKT);

        assertThat(checked.files()).isEmpty();
        assertThat(checked.refusals()).extracting(AttachmentRules.Refusal::violation).containsExactly(
                new FieldViolation("attachments", "Du kan skicka högst 5 filer; du skickade 6."),
                new FieldViolation("attachments[5]", "Filen ”5.png” är tom."));
    }

    @Test
    void aFileOverTenMegabytesIsOversizedAndOneAtTheLimitIsNot() {
        List<Upload> uploads = List.of(
                new Upload("attachments[0]", "stor.png", TestFiles.pngOfSize(10 * 1024 * 1024)),
                new Upload("attachments[1]", "för stor.png", TestFiles.pngOfSize(10 * 1024 * 1024 + 1)));

        assertThat(rules.oversized(uploads)).extracting(AttachmentRules.Refusal::violation).containsExactly(
                new FieldViolation("attachments[1]", "Filen ”för stor.png” är större än 10 MB."));
    }

    @Test
    void keepsOnlyASafeNameNeverAPath() {
        assertThat(AttachmentRules.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentRules.safeName("C:\\Users\\eva\\bild.png")).isEqualTo("bild.png");
        assertThat(AttachmentRules.safeName("faktura\u202Egnp.exe")).isEqualTo("fakturagnp.exe");
        assertThat(AttachmentRules.safeName("rad\r\nbrytning.png")).isEqualTo("radbrytning.png");
        assertThat(AttachmentRules.safeName("<img src=x onerror=alert(1)>.png")).isEqualTo("<img src=x onerror=alert(1)>.png");
        assertThat(AttachmentRules.safeName("..")).isEqualTo("bilaga");
        assertThat(AttachmentRules.safeName(null)).isEqualTo("bilaga");
        assertThat(AttachmentRules.safeName("x".repeat(300) + ".png")).hasSize(AttachmentRules.MAX_NAME_LENGTH)
                .endsWith(".png");
    }
}
