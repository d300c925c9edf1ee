package se.medborgardialog.intake.attachments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;

/**
 * {@code intake.attachments.*}: files sent with synpunkter and felanmälningar.
 *
 * @param maxFiles        files per submission
 * @param maxFileSize     per file
 * @param orphanAge       files stored for a submission whose event never reached Kafka (answered 503 and not
 *                        retried) are removed after this long
 * @param cleanupInterval how often orphans are looked for
 */
@ConfigurationProperties("intake.attachments")
public record AttachmentProperties(
        @DefaultValue("5") int maxFiles,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("7d") Duration orphanAge,
        @DefaultValue("1h") Duration cleanupInterval) {

    /** The limits a form's file input tells the citizen about: {@code maxFiles} and {@code maxFileMegabytes}. */
    public void addTo(Model model) {
        model.addAttribute("maxFiles", maxFiles);
        model.addAttribute("maxFileMegabytes", maxFileSize.toMegabytes());
    }
}
