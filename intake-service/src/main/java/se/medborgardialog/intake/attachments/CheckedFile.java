package se.medborgardialog.intake.attachments;

/**
 * A file that passed the rules: its type detected from its content, its name made safe to keep.
 *
 * @param index the file's position in its field (0-based); with the sha256 it keys a retry's file to the same id
 */
public record CheckedFile(int index, String fileName, String contentType, byte[] bytes, String sha256) {

    public long size() {
        return bytes.length;
    }
}
