package se.medborgardialog.intake.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files made in code: what a citizen might send, and what a disguised file really is. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] png() {
        return image("png", 0x3366cc);
    }

    /** Another PNG, so two tests' files differ. */
    public static byte[] png(int rgb) {
        return image("png", rgb);
    }

    public static byte[] jpeg() {
        return image("jpg", 0xcc6633);
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] text() {
        return "Det här är bara text, inte en bild.".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("virus.exe"));
            zip.write("MZ".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** A valid PNG padded to at least {@code bytes} (a PNG ignores what follows its end chunk). */
    public static byte[] pngOfSize(int bytes) {
        byte[] png = png();
        byte[] padded = new byte[Math.max(bytes, png.length)];
        System.arraycopy(png, 0, padded, 0, png.length);
        return padded;
    }

    private static byte[] image(String format, int rgb) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
