package se.medborgardialog.cases.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cases.attachments.base-url}: where the officer's browser reaches intake-service, which keeps the files
 * sent with submissions and serves them to staff at {@code <base-url>/api/v1/attachments/{id}}. Only a link for
 * the browser: case-service never calls intake.
 */
@ConfigurationProperties("cases.attachments")
public record AttachmentLinkProperties(@DefaultValue("http://localhost:8081") String baseUrl) {

    String urlOf(String attachmentId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/api/v1/attachments/" + attachmentId;
    }
}
