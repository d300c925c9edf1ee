package se.medborgardialog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local stack's SMTP server takes a plain Jakarta Mail send, and its mail API lists it, å ä ö intact. */
class MailCatcherIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsAMailSentToTheSmtpServerOverTheMailApi() throws Exception {
        try (MailCatcher catcher = MailCatcher.start(0, 0)) {
            send(catcher.smtpPort(), "medborgare@example.se", "Svar på din synpunkt KS-2026-000042",
                    "Hej!\n\nGatlampan på Storgatan byts på måndag. Ärendekod 7KQF-3M9X.");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> listed = get(catcher.mailApi());
                assertThat(listed.statusCode()).isEqualTo(200);
                assertThat(listed.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                assertThat(listed.body())
                        .startsWith("[{")
                        .contains("\"to\":\"medborgare@example.se\"")
                        .contains("\"subject\":\"Svar på din synpunkt KS-2026-000042\"")
                        .contains("Gatlampan på Storgatan byts på måndag. Ärendekod 7KQF-3M9X.")
                        .contains("\"receivedAt\":\"20");
            });
        }
    }

    @Test
    void listsNothingBeforeAnythingWasSentAndIsReadOnly() throws Exception {
        try (MailCatcher catcher = MailCatcher.start(0, 0)) {
            assertThat(get(catcher.mailApi()).body()).isEqualTo("[]");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(catcher.mailApi())
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(405);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void send(int port, String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("no-reply@exempelkommun.se"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }
}
