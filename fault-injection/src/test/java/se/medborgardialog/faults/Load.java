package se.medborgardialog.faults;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A steady mix of what citizens and staff send, through intake's public and staff API: synpunkter (some on the
 * category whose short guarantee falls due within the run, some letters registered late so their clock is breached at
 * once), felanmälan (each far from every other, so none is linked to an earlier case), whole e-förslag (proposed,
 * published, signed to the threshold: the last signature opens the nämnd's case) and avvikelser. Each acknowledged
 * submission goes into the ledger with the case it must open.
 */
final class Load implements AutoCloseable {

    static final String GUARANTEED_CATEGORY = "park-och-natur";
    static final int EFORSLAG_THRESHOLD = 3;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String[] CATEGORIES = {"gata-och-trafik", "skola-och-forskola", "aldreomsorg", "ovrigt"};
    private static final String[] FAULT_CATEGORIES = {"gatubelysning", "potthal", "klotter"};

    private final Function<String, URI> intake;
    private final Ledger ledger;
    private final Http http = new Http();
    /** Shared by every load of the run, so no place, text or person repeats from one fault to the next. */
    private static final AtomicInteger serial = new AtomicInteger();
    private final ScheduledExecutorService workers;

    /** Starts {@code clients} clients, each sending one submission (or one whole e-förslag) every {@code interval}. */
    Load(Function<String, URI> intake, Ledger ledger, int clients, Duration interval) {
        this.intake = intake;
        this.ledger = ledger;
        this.workers = Executors.newScheduledThreadPool(clients, r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < clients; i++) {
            workers.scheduleWithFixedDelay(this::sendOne, i * 50L, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sendOne() {
        try {
            int pick = ThreadLocalRandom.current().nextInt(100);
            if (pick < 60) {
                synpunkt();
            } else if (pick < 80) {
                felanmalan();
            } else if (pick < 90) {
                eforslag();
            } else {
                avvikelse();
            }
        } catch (RuntimeException e) {
            // a worker that throws is never scheduled again: count it and go on
            System.err.println("load: " + e);
        }
    }

    void synpunkt() {
        int n = serial.incrementAndGet();
        if (n % 6 == 0) {
            // a letter registered three weeks late: its two-working-day clock is due at once
            String receivedAt = OffsetDateTime.now(STOCKHOLM).minusDays(21).truncatedTo(ChronoUnit.SECONDS).toString();
            send("synpunkt", "/api/v1/synpunkter", "rolf", """
                    {"kind": "fråga", "category": "ovrigt", "channel": "brev", "text": "Brev nummer %d om biblioteket.",
                     "receivedAt": "%s"}""".formatted(n, receivedAt), "submissionId");
            return;
        }
        String category = n % 3 == 0 ? GUARANTEED_CATEGORY : CATEGORIES[n % CATEGORIES.length];
        send("synpunkt", "/api/v1/synpunkter", null, """
                {"kind": "klagomål", "category": "%s", "channel": "web", "text": "Synpunkt nummer %d under last."}"""
                .formatted(category, n), "submissionId");
    }

    void felanmalan() {
        int n = serial.incrementAndGet();
        // a grid about a kilometre apart across Sweden: never within 250 m of another report, so never linked
        double latitude = 56.0 + (n / 400) * 0.01;
        double longitude = 12.0 + (n % 400) * 0.02;
        send("felanmälan", "/api/v1/felanmalningar", null, String.format(Locale.ROOT, """
                {"category": "%s", "description": "Fel nummer %d.", "location": {"latitude": %.5f, "longitude": %.5f}}""",
                FAULT_CATEGORIES[n % FAULT_CATEGORIES.length], n, latitude, longitude), "submissionId");
    }

    void avvikelse() {
        int n = serial.incrementAndGet();
        OffsetDateTime happened = OffsetDateTime.now(STOCKHOLM).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        send("avvikelse", "/api/v1/avvikelser", "sara", """
                {"law": "SOL", "unit": "omsorg", "whatHappened": "Händelse nummer %d vid utflykten.",
                 "occurredAt": "%s", "noticedAt": "%s", "immediateMeasures": "Brukaren undersöktes."}"""
                .formatted(n, happened.toInstant(), happened.plusMinutes(10).toInstant()), "submissionId");
    }

    /** One whole e-förslag: proposed, published by the moderator, signed to the threshold (its case's id is the proposal's). */
    void eforslag() {
        int n = serial.incrementAndGet();
        String proposalId = send(null, "/api/v1/e-forslag", null, """
                {"title": "Förslag nummer %d under last", "text": "Ett förslag om parken, nummer %d.",
                 "category": "park-och-natur", "personnummer": "%s", "kommun": "0000"}"""
                .formatted(n, n, person(serial.incrementAndGet())), "proposalId");
        if (proposalId == null) {
            return;
        }
        Http.Response published = answered("publish e-förslag", http.post(intake.apply(
                "/api/v1/e-forslag/" + proposalId + "/publicering"), "mona", ""), ledger.brokerEpoch());
        if (published.status() != 200) {
            return;
        }
        int signed = 0;
        for (int attempt = 0; attempt < EFORSLAG_THRESHOLD * 3 && signed < EFORSLAG_THRESHOLD; attempt++) {
            String signer = person(serial.incrementAndGet());
            Http.Response signature = answered("sign e-förslag", http.post(intake.apply(
                    "/api/v1/e-forslag/" + proposalId + "/underskrifter"), null, """
                    {"personnummer": "%s", "kommun": "0000"}""".formatted(signer)), ledger.brokerEpoch());
            if (signature.status() == 201) {
                signed++;
            }
        }
        if (signed == EFORSLAG_THRESHOLD) {
            ledger.acknowledged("e-förslag", proposalId);
        }
    }

    /** Posts; on an acknowledgement (202) records the case it must open (when {@code kind} is given) and returns its id. */
    private String send(String kind, String path, String user, String json, String idField) {
        long epoch = ledger.brokerEpoch();
        Http.Response response = answered(path, http.post(intake.apply(path), user, json), epoch);
        if (response.status() != 202) {
            return null;
        }
        var receipt = response.json();
        String id = receipt.get(idField).asString();
        if (kind != null && receipt.path("linked").asBoolean(false)) {
            // a report of a fault already reported nearby joins that case instead of opening its own
            ledger.acknowledged(kind + " (linked)", receipt.get("linkedCaseId").asString());
        } else if (kind != null) {
            ledger.acknowledged(kind, id);
        }
        return id;
    }

    private Http.Response answered(String what, Http.Response response, long epoch) {
        ledger.answered(what, response, epoch);
        return response;
    }

    /** A valid personnummer, a different one per serial: birth dates from 1950 on, with the Luhn check digit. */
    static String person(int serial) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(serial / 800);
        String nine = String.format(Locale.ROOT, "%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(),
                100 + serial % 800);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return born.getYear() + nine.substring(2, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
    }

    /** Stops sending and waits for the requests in flight to be answered. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(90, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
