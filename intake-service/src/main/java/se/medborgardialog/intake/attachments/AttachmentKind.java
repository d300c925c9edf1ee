package se.medborgardialog.intake.attachments;

import java.util.Set;

/** What the files are sent with, and so which types are accepted and what a refusal calls them. */
public enum AttachmentKind {

    /** A synpunkt's attachments: images or PDF. */
    SYNPUNKT("synpunkt", "attachments", "en bild eller PDF", AttachmentRules.IMAGES_AND_PDF),
    /** A felanmälan's photos: images only. */
    FELANMALAN("felanmalan", "photos", "en bild", AttachmentRules.IMAGES);

    private final String tag;
    private final String field;
    private final String allowedInWords;
    private final Set<String> allowedTypes;

    AttachmentKind(String tag, String field, String allowedInWords, Set<String> allowedTypes) {
        this.tag = tag;
        this.field = field;
        this.allowedInWords = allowedInWords;
        this.allowedTypes = allowedTypes;
    }

    /** The metric tag and stored value, e.g. {@code synpunkt}. */
    public String tag() {
        return tag;
    }

    /** The multipart field the files come in: {@code attachments} or {@code photos}. */
    public String field() {
        return field;
    }

    String allowedInWords() {
        return allowedInWords;
    }

    Set<String> allowedTypes() {
        return allowedTypes;
    }
}
