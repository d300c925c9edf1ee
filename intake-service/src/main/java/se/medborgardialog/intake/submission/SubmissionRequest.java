package se.medborgardialog.intake.submission;

/**
 * The JSON body of {@code POST /api/v1/synpunkter}, as sent: everything is text so that an unknown word or a
 * bad date is reported against its field by {@link SubmissionValidator} rather than as unreadable JSON.
 */
public record SubmissionRequest(
        String kind,
        String category,
        String text,
        String channel,
        ContactRequest contact,
        String receivedAt) {

    public record ContactRequest(String name, String email, String phone) {
    }
}
