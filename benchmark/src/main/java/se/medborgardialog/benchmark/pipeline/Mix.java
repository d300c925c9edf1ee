package se.medborgardialog.benchmark.pipeline;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The realistic mix through intake's public API: about 70 % synpunkter, 20 % felanmälan, 8 % signatures on published
 * e-förslag and 2 % avvikelser (staff API, as {@code sara}). Each request carries an {@code Idempotency-Key}, as the
 * app does; personnummer for signatures are valid and never repeat within a run.
 */
final class Mix {

    enum Kind {
        SYNPUNKT("synpunkt", true), FELANMALAN("felanmalan", true), SIGNATUR("e-forslag-signatur", false),
        AVVIKELSE("avvikelse", true);

        final String label;
        /** Whether an acknowledged request opens a case (and so a clock and a statistics count). */
        final boolean opensCase;

        Kind(String label, boolean opensCase) {
            this.label = label;
            this.opensCase = opensCase;
        }
    }

    private static final String[] KINDS = {"beröm", "klagomål", "förslag", "fråga"};
    private static final String[] CATEGORIES = {"gata-och-trafik", "park-och-natur", "skola-och-forskola", "aldreomsorg",
        "bygglov", "kultur-och-fritid", "ovrigt"};
    private static final String[] FAULTS = {"gatubelysning", "potthal", "klotter", "sno-och-halka", "lekplats",
        "vatten-och-avlopp"};
    private static final String SARA = "Basic " + Base64.getEncoder().encodeToString("sara:utveckling".getBytes(StandardCharsets.UTF_8));

    private final URI intake;
    private final List<String> proposals;
    private final AtomicLong signer = new AtomicLong();

    Mix(URI intake, List<String> proposals) {
        this.intake = intake;
        this.proposals = List.copyOf(proposals);
    }

    Kind next() {
        int p = ThreadLocalRandom.current().nextInt(100);
        if (p < 70) {
            return Kind.SYNPUNKT;
        }
        if (p < 90) {
            return Kind.FELANMALAN;
        }
        if (p < 98 && !proposals.isEmpty()) {
            return Kind.SIGNATUR;
        }
        return p < 98 ? Kind.SYNPUNKT : Kind.AVVIKELSE;
    }

    HttpRequest request(Kind kind) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return switch (kind) {
            case SYNPUNKT -> post("/api/v1/synpunkter", "{\"kind\":\"" + pick(KINDS) + "\",\"category\":\"" + pick(CATEGORIES)
                    + "\",\"channel\":\"" + (r.nextBoolean() ? "web" : "app") + "\",\"text\":\"" + text(r) + "\""
                    + (r.nextBoolean() ? ",\"contact\":{\"name\":\"Eva Andersson\",\"email\":\"eva" + r.nextInt(100000)
                            + "@example.se\"}" : "") + "}", null);
            case FELANMALAN -> post("/api/v1/felanmalningar", "{\"category\":\"" + pick(FAULTS)
                    + "\",\"description\":\"" + text(r) + "\",\"location\":{\"latitude\":" + (55.5 + r.nextDouble() * 13)
                    + ",\"longitude\":" + (12.0 + r.nextDouble() * 11) + ",\"address\":\"Storgatan " + r.nextInt(1, 200)
                    + "\"},\"channel\":\"app\"}", null);
            case SIGNATUR -> post("/api/v1/e-forslag/" + proposals.get(r.nextInt(proposals.size())) + "/underskrifter",
                    "{\"personnummer\":\"" + personnummer(signer.incrementAndGet()) + "\",\"kommun\":\"0000\"}", null);
            case AVVIKELSE -> {
                OffsetDateTime occurred = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(3).withNano(0);
                yield post("/api/v1/avvikelser", "{\"law\":\"SOL\",\"unit\":\"omsorg\",\"whatHappened\":\"" + text(r)
                        + "\",\"occurredAt\":\"" + occurred.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + "\",\"noticedAt\":\"" + occurred.plusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + "\",\"immediateMeasures\":\"Sjuksköterska kontaktad.\"}", SARA);
            }
        };
    }

    HttpRequest post(String path, String json, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(intake.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private static String text(ThreadLocalRandom r) {
        String[] parts = {"Gatlyktan är trasig sedan en vecka.", "Det är halt på gång- och cykelbanan.",
            "Tack för den fina lekplatsen!", "Bussen kom inte enligt tidtabellen.", "Papperskorgen är full.",
            "Klotter på skolans vägg mot parken.", "Varför stänger biblioteket tidigare på fredagar?"};
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(1, 6);
        for (int i = 0; i < n; i++) {
            s.append(parts[r.nextInt(parts.length)]).append(' ');
        }
        return s.toString().trim();
    }

    /** A valid personnummer (check digit by the Luhn algorithm), distinct for each {@code n} up to 9 million. */
    static String personnummer(long n) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays((n / 900) % 23_000);
        int serial = (int) (n % 900) + 1;
        String nine = birth.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        int check = (10 - sum % 10) % 10;
        return birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + nine.substring(6) + check;
    }
}
