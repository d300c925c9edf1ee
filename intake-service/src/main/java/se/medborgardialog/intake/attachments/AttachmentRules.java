package se.medborgardialog.intake.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.tika.Tika;
import se.medborgardialog.intake.web.FieldViolation;

/**
 * What files are accepted: at most {@code maxFiles}, none empty or over {@code maxFileBytes}, and of an allowed
 * type as detected from the bytes by Apache Tika's magic numbers. The name and the client's declared type are
 * never trusted: an HTML page, an SVG (which can carry script), a ZIP or a program named {@code photo.jpg} is
 * refused. The name is kept only as metadata, stripped of any path and of control and direction characters.
 */
final class AttachmentRules {

    static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
            "image/heif");
    static final Set<String> IMAGES_AND_PDF = union(IMAGES, Set.of("application/pdf"));

    static final int MAX_NAME_LENGTH = 150;

    /** Why a file or a set of files was refused: the tag of {@code medborgardialog.attachments.refused}. */
    enum Reason {
        TOO_LARGE("too-large"), TOO_MANY("too-many"), WRONG_TYPE("wrong-type"), EMPTY("empty");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    record Refusal(Reason reason, FieldViolation violation) {
    }

    /** The files that passed, or the refusals (then nothing may be stored). */
    record Checked(List<CheckedFile> files, List<Refusal> refusals) {
    }

    private final Tika tika = new Tika();
    private final int maxFiles;
    private final long maxFileBytes;

    AttachmentRules(int maxFiles, long maxFileBytes) {
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileBytes;
    }

    /** Files over the size limit: checked first, as for an oversized body, and answered with 413. */
    List<Refusal> oversized(List<Upload> uploads) {
        return uploads.stream().filter(upload -> upload.size() > maxFileBytes)
                .map(upload -> new Refusal(Reason.TOO_LARGE, new FieldViolation(upload.field(),
                        "Filen ”" + safeName(upload.fileName()) + "” är större än "
                                + inMegabytes(maxFileBytes) + ".")))
                .toList();
    }

    Checked check(List<Upload> uploads, AttachmentKind kind) {
        List<Refusal> refusals = new ArrayList<>(oversized(uploads));
        if (uploads.size() > maxFiles) {
            refusals.add(new Refusal(Reason.TOO_MANY, new FieldViolation(kind.field(),
                    "Du kan skicka högst " + maxFiles + " filer; du skickade " + uploads.size() + ".")));
        }
        List<CheckedFile> files = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String name = safeName(upload.fileName());
            if (upload.size() == 0) {
                refusals.add(new Refusal(Reason.EMPTY, new FieldViolation(upload.field(), "Filen ”" + name + "” är tom.")));
                continue;
            }
            String detected = detect(upload.bytes());
            if (!kind.allowedTypes().contains(detected)) {
                refusals.add(new Refusal(Reason.WRONG_TYPE, new FieldViolation(upload.field(), "Filen ”" + name
                        + "” är inte " + kind.allowedInWords() + " (innehållet är " + detected + ").")));
                continue;
            }
            files.add(new CheckedFile(i, name, detected, upload.bytes(), sha256(upload.bytes())));
        }
        return new Checked(refusals.isEmpty() ? files : List.of(), refusals);
    }

    /** The type from the content alone (no name is given to Tika, so a name cannot sway it). */
    String detect(byte[] bytes) {
        return tika.detect(bytes);
    }

    /**
     * The last path segment of what the client sent, without control or bidirectional-override characters,
     * at most {@value #MAX_NAME_LENGTH} characters; a made-up name when nothing usable is left.
     */
    static String safeName(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(name.length() - MAX_NAME_LENGTH);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "bilaga";
        }
        return name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    static String inMegabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
