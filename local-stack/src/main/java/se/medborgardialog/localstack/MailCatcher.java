package se.medborgardialog.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * DEVELOPMENT ONLY. The local stack's SMTP server (GreenMail, a real SMTP server in Java, in the launcher's own
 * process) that case-service sends answer mails to, and a read-only HTTP API listing what it received:
 * {@code GET /api/mail} → {@code [{"to":…,"subject":…,"body":…,"receivedAt":…}]}, oldest first. Mails are kept in
 * memory only (gone when the stack stops), and nothing is relayed onwards.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer api;

    private MailCatcher(GreenMail smtp, HttpServer api) {
        this.smtp = smtp;
        this.api = api;
    }

    /** Starts both on 127.0.0.1; a port of 0 takes a free one. */
    public static MailCatcher start(int smtpPort, int apiPort) {
        smtpPort = smtpPort == 0 ? freePort() : smtpPort;
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", apiPort), 0);
            MailCatcher catcher = new MailCatcher(smtp, api);
            api.createContext("/api/mail", catcher::list);
            api.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("the mail API could not listen on port " + apiPort, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public URI mailApi() {
        return URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/api/mail");
    }

    private void list(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** What was received, as JSON. */
    String json() {
        List<String> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Date received = message.getReceivedDate();
                mails.add("{\"to\":" + quote(recipients(message))
                        + ",\"subject\":" + quote(message.getSubject())
                        + ",\"body\":" + quote(text(message))
                        + ",\"receivedAt\":" + quote(received == null ? null : received.toInstant().toString()) + "}");
            } catch (MessagingException | IOException e) {
                mails.add("{\"error\":" + quote("unreadable message: " + e.getMessage()) + "}");
            }
        }
        return "[" + String.join(",", mails) + "]";
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        List<String> all = new ArrayList<>();
        for (Address address : to == null ? new Address[0] : to) {
            all.add(address.toString());
        }
        return String.join(", ", all);
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String plain) {
            return plain;
        }
        if (content instanceof Multipart parts && parts.getCount() > 0
                && parts.getBodyPart(0).getContent() instanceof String first) {
            return first;
        }
        return "";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    @Override
    public void close() {
        api.stop(0);
        smtp.stop();
    }
}
