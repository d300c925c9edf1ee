package se.medborgardialog.intake.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as sent, before any check.
 *
 * @param field    the request field it came in, e.g. {@code attachments[1]}: what a refusal names
 * @param fileName the name the client gave it; only metadata, never a path
 */
public record Upload(String field, String fileName, byte[] bytes) {

    /**
     * The files of one multipart field, numbered in the order sent. A browser sends an empty part with no name
     * when no file was chosen: that is no file.
     */
    public static List<Upload> of(String field, List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (file.isEmpty() && (name == null || name.isEmpty())) {
                continue;
            }
            try {
                uploads.add(new Upload(field + "[" + uploads.size() + "]", name, file.getBytes()));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Could not read an uploaded file", unreadable);
            }
        }
        return uploads;
    }

    public long size() {
        return bytes.length;
    }
}
