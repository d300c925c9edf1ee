package se.medborgardialog.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.intake.fuzz.FuzzCase.Expect.EITHER;
import static se.medborgardialog.intake.fuzz.FuzzCase.Expect.REFUSAL;
import static se.medborgardialog.intake.fuzz.FuzzCase.Expect.SUCCESS;
import static se.medborgardialog.intake.fuzz.JsonBody.object;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.medborgardialog.intake.fuzz.FuzzCase.Expect;
import se.medborgardialog.intake.fuzz.JsonBody.Raw;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes every public endpoint of intake through a real Tomcat with a plain HTTP client: seeded random requests
 * (Unicode edge cases, markup and script, fields left out, written twice or of the wrong JSON type, nesting 10,000
 * deep, bodies over the limits, wrong content types, broken multipart, bytes that are not UTF-8). Whatever comes in,
 * the answer is never a 5xx and never a hang; a refusal is problem+json naming the field on the API, GeoReport's
 * error list on Open311 and a Swedish page on the forms; a success comes only for a valid request; and no page shows
 * what was sent as markup. The seed is fixed ({@link FuzzRun}); every failure prints it with the request.
 */
class PublicEndpointsFuzzIntegrationTests extends IntakeServerIntegrationTestContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SARA = basic("sara", "utveckling");
    private static final String MONA = basic("mona", "utveckling");
    private static final String ANNA = basic("anna", "utveckling");
    private static final String OPEN311_KEY = "utveckling-open311-inte-for-produktion";
    private static final int JSON_LIMIT = 64 * 1024;
    private static final String NO_SUCH_PAGE = "a page that is not there";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // ---------------------------------------------------------------- the JSON API

    /** One JSON endpoint: its path, a valid body, who may call it, and whether a valid body is accepted. */
    private record JsonEndpoint(String name, String method, String path, Function<Random, JsonBody> valid,
            String authorization, Expect validExpect) {
    }

    private static List<JsonEndpoint> jsonEndpoints() {
        String unknownCode = "/api/v1/status/7KQF-3M9X-WD2P-8HNA";
        String unknownProposal = "/api/v1/e-forslag/" + UUID.nameUUIDFromBytes(new byte[] {1});
        return List.of(
                new JsonEndpoint("synpunkt", "POST", "/api/v1/synpunkter", random -> synpunkt(), null, SUCCESS),
                new JsonEndpoint("felanmalan", "POST", "/api/v1/felanmalningar", PublicEndpointsFuzzIntegrationTests::felanmalan,
                        null, SUCCESS),
                new JsonEndpoint("e-forslag", "POST", "/api/v1/e-forslag", random -> eforslag(), null, SUCCESS),
                new JsonEndpoint("avvikelse", "POST", "/api/v1/avvikelser", random -> avvikelse(), SARA, SUCCESS),
                new JsonEndpoint("svar", "POST", unknownCode + "/svar",
                        random -> new JsonBody(object("text", "Här är svaret."), List.of("text"), List.of()), null,
                        REFUSAL),
                new JsonEndpoint("klagomal", "POST", unknownCode + "/klagomal",
                        random -> new JsonBody(object("text", "Garantin hölls inte.", "contact",
                                object("name", "Eva", "email", "eva@example.se")), List.of("text", "contact.name"),
                                List.of("text", "contact")), null, REFUSAL),
                new JsonEndpoint("underskrift", "POST", unknownProposal + "/underskrifter",
                        random -> signature(), null, REFUSAL),
                new JsonEndpoint("ta-tillbaka", "DELETE", unknownProposal + "/underskrifter",
                        random -> signature(), null, REFUSAL),
                new JsonEndpoint("avslag", "POST", unknownProposal + "/avslag",
                        random -> new JsonBody(object("reason", "Inte kommunens sak."), List.of("reason"), List.of()),
                        MONA, REFUSAL));
    }

    private static JsonBody synpunkt() {
        return new JsonBody(object("kind", "klagomål", "category", "gata-och-trafik",
                "text", "Gatlyktan utanför Storgatan 12 är släckt.", "channel", "web",
                "contact", object("name", "Karin Berg", "email", "karin@example.se", "phone", "070-123 45 67")),
                List.of("text", "contact.name"), List.of("channel", "contact", "contact.name", "contact.phone"));
    }

    private static JsonBody felanmalan(Random random) {
        // A random spot in Sweden, so fuzzed reports seldom link to each other (a linked one is a success too).
        return new JsonBody(object("category", "potthal", "description", "Ett djupt hål i vägen.",
                "location", object("latitude", 56.0 + random.nextDouble() * 12, "longitude",
                        12.0 + random.nextDouble() * 11, "address", "Storgatan 1"),
                "contact", object("name", "Eva Lind", "email", "eva@example.se")),
                List.of("description", "location.address", "contact.name"),
                List.of("location.address", "contact", "contact.name", "contact.email"));
    }

    private static JsonBody eforslag() {
        return new JsonBody(object("title", "Fler bänkar i Stadsparken", "text", "Det behövs fler bänkar.",
                "category", "park-och-natur", "personnummer", "19800101-0001", "kommun", "0000"),
                List.of("title", "text"), List.of());
    }

    private static JsonBody avvikelse() {
        return new JsonBody(object("law", "SOL", "unit", "omsorg",
                "whatHappened", "Brukaren fick fel medicin vid kvällsbesöket.",
                "occurredAt", "2026-11-22T18:00:00Z", "noticedAt", "2026-11-23T08:00:00Z",
                "immediateMeasures", "Läkare kontaktad.",
                "affectedPerson", object("name", "Karl Svensson", "personnummer", "19800101-0001",
                        "protectedIdentity", false)),
                List.of("whatHappened", "immediateMeasures", "affectedPerson.name"),
                List.of("affectedPerson", "affectedPerson.name"));
    }

    private static JsonBody signature() {
        return new JsonBody(object("personnummer", "19800101-0001", "kommun", "0000"), List.of(), List.of());
    }

    @TestFactory
    Stream<DynamicTest> theJsonApiAnswersEveryBodyWithASuccessOrAProblemNamingTheField() {
        return jsonEndpoints().stream().flatMap(endpoint -> {
            Random random = FuzzRun.random(endpoint.name());
            return IntStream.range(0, FuzzRun.TRIES).mapToObj(i -> {
                FuzzCase fuzzed = jsonCase(endpoint, random, i);
                if (endpoint.authorization() != null) {
                    fuzzed = fuzzed.header("Authorization", endpoint.authorization());
                }
                return check(endpoint.name() + " #" + i, fuzzed);
            });
        });
    }

    private static FuzzCase jsonCase(JsonEndpoint endpoint, Random random, int index) {
        JsonBody valid = endpoint.valid().apply(random);
        String method = endpoint.method();
        String path = endpoint.path();
        Expect validOr = endpoint.validExpect() == SUCCESS ? EITHER : REFUSAL;
        int kind = index == 0 ? 0 : random.nextInt(16);
        switch (kind) {
            case 0 -> {
                return FuzzCase.json("valid", method, path, valid.json(), endpoint.validExpect());
            }
            case 1, 2, 3 -> {
                if (valid.freeText().isEmpty()) {
                    return FuzzCase.json("valid", method, path, valid.json(), endpoint.validExpect());
                }
                String field = HostileInput.pick(random, valid.freeText());
                return FuzzCase.json("hostile text in " + field, method, path,
                        valid.with(field, HostileInput.text(random)).json(), validOr);
            }
            case 4 -> {
                String field = valid.randomPath(random);
                Expect expect = valid.optional().contains(field) ? validOr : REFUSAL;
                return FuzzCase.json(field + " left out", method, path, valid.with(field, null).json(), expect);
            }
            case 5 -> {
                String field = HostileInput.pick(random, List.copyOf(valid.fields().keySet()));
                return FuzzCase.json(field + " written twice", method, path,
                        valid.jsonWithDuplicate(field, HostileInput.text(random)), validOr);
            }
            case 6, 7 -> {
                String field = valid.randomPath(random);
                String wrong = HostileInput.wrongJsonValue(random);
                return FuzzCase.json(field + " as " + wrong, method, path, valid.with(field, new Raw(wrong)).json(),
                        "null".equals(wrong) && valid.optional().contains(field) ? validOr : EITHER);
            }
            case 8 -> {
                String field = valid.randomPath(random);
                return FuzzCase.json(field + " nested 10,000 deep", method, path,
                        valid.with(field, new Raw(HostileInput.deeplyNested(10_000, random.nextBoolean()))).json(),
                        REFUSAL);
            }
            case 9 -> {
                return FuzzCase.json("the body nested 10,000 deep", method, path,
                        HostileInput.deeplyNested(10_000, random.nextBoolean()), REFUSAL);
            }
            case 10 -> {
                String json = valid.json();
                return FuzzCase.json("cut off", method, path, json.substring(0, random.nextInt(json.length())),
                        REFUSAL);
            }
            case 11 -> {
                return FuzzCase.send("not UTF-8", method, path, "application/json",
                        HostileInput.invalidUtf8(random, HostileInput.utf8(valid.json())), REFUSAL);
            }
            case 12 -> {
                String contentType = HostileInput.pick(random, List.of("text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "text/html; charset=utf-8", "application/json; charset=ebcdic",
                        "application/json; charset=utf-16", "multipart/form-data", "*/*", "application/"));
                // JSON is UTF-8 whatever charset the header names (RFC 8259), so a JSON type with any charset may pass.
                return FuzzCase.send("as " + contentType, method, path, contentType, HostileInput.utf8(valid.json()),
                        contentType.startsWith("application/json") ? validOr : REFUSAL);
            }
            case 13 -> {
                return FuzzCase.json("a body that is no object", method, path,
                        HostileInput.pick(random, List.of("", "[]", "\"text\"", "42", "null", "[{}]", "{", "}",
                                "\uFEFF" + valid.json(), "{}{}", valid.json() + "]")), REFUSAL);
            }
            case 14 -> {
                String field = HostileInput.pick(random, valid.freeText().isEmpty()
                        ? List.copyOf(valid.fields().keySet()) : valid.freeText());
                FuzzCase huge = FuzzCase.json("over 64 KiB", method, path,
                        valid.with(field, "å".repeat(JSON_LIMIT / 2 + 1)).json(), REFUSAL);
                return random.nextBoolean() ? huge : huge.withoutLength();
            }
            default -> {
                return FuzzCase.json("odd Accept", method, path, valid.json(), validOr)
                        .header("Accept", HostileInput.pick(random, List.of("application/xml", "text/html",
                                "image/png", "application/problem+xml", "*/*;q=0", "text/plain; charset=latin1")));
            }
        }
    }

    // ---------------------------------------------------------------- reading: paths and queries

    @TestFactory
    Stream<DynamicTest> everyLookupAnswersAnyPathOrQueryWithoutA5xx() {
        Random random = FuzzRun.random("lookups");
        List<Function<String, FuzzCase>> lookups = List.of(
                value -> FuzzCase.get("status code", "/api/v1/status/" + segment(value), EITHER),
                value -> FuzzCase.get("status page", "/status?kod=" + query(value), EITHER),
                value -> FuzzCase.get("complaint page", "/klagomal-garanti?kod=" + query(value), EITHER),
                value -> FuzzCase.get("attachment", "/api/v1/attachments/" + segment(value), EITHER)
                        .header("Authorization", ANNA),
                value -> FuzzCase.get("open311 request", "/open311/v2/requests/" + segment(value) + ".json", EITHER),
                value -> FuzzCase.get("open311 token", "/open311/v2/tokens/" + segment(value) + ".xml", EITHER),
                value -> FuzzCase.get("open311 service", "/open311/v2/services/" + segment(value) + ".json", EITHER),
                value -> FuzzCase.get("open311 format", "/open311/v2/services." + segment(value), EITHER),
                value -> FuzzCase.get("open311 filters", "/open311/v2/requests.json?" + randomFilter(random, value),
                        EITHER),
                value -> FuzzCase.get("open311 xml filters", "/open311/v2/requests.xml?" + randomFilter(random, value),
                        EITHER),
                value -> FuzzCase.get("e-förslag", "/api/v1/e-forslag?sida=" + query(value), EITHER),
                value -> FuzzCase.get("categories", "/api/v1/categories?x=" + query(value), EITHER),
                // Unknown paths fall to the API's security chain (401 problem JSON): only no 5xx and no markup.
                value -> FuzzCase.get(NO_SUCH_PAGE, "/" + segment(value), EITHER));
        return IntStream.range(0, FuzzRun.TRIES * lookups.size()).mapToObj(i -> {
            String value = random.nextInt(4) == 0 ? HostileInput.pick(random, List.of("", "%00", "..",
                    "%2e%2e%2f", "a/../../etc/passwd", "%c0%af", "%ED%A0%80", ";jsessionid=x", "%0d%0aX-Evil:%201"))
                    : HostileInput.text(random);
            FuzzCase lookup = lookups.get(i % lookups.size()).apply(value);
            // Raw percent sequences above are sent as they are; everything else is encoded by segment()/query().
            return check("lookup #" + i, lookup);
        });
    }

    private static String randomFilter(Random random, String value) {
        String name = HostileInput.pick(random, List.of("start_date", "end_date", "status", "service_code",
                "service_request_id", "jurisdiction_id"));
        return name + "=" + query(value);
    }

    /** A path segment: percent-encoded UTF-8 (lone surrogates become '?'), unless it is one of the raw ones. */
    private static String segment(String value) {
        return value.matches("[%A-Za-z0-9.;=/_-]*") && value.contains("%") || value.startsWith("a/..")
                || value.equals("..") || value.startsWith(";") ? value
                : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return value.matches("[%A-Za-z0-9.;=/_-]*") && value.contains("%") ? value
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- Open311 posts

    @TestFactory
    Stream<DynamicTest> open311PostsAreCreatedOrRefusedInGeoReportsFormat() {
        Random random = FuzzRun.random("open311-post");
        return IntStream.range(0, FuzzRun.TRIES * 2).mapToObj(i -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("api_key", OPEN311_KEY);
            form.put("service_code", "gatubelysning");
            form.put("lat", String.valueOf(56.0 + random.nextDouble() * 12));
            form.put("long", String.valueOf(12.0 + random.nextDouble() * 11));
            form.put("description", "Gatlyktan är släckt.");
            form.put("first_name", "Eva");
            form.put("email", "eva@example.se");
            String format = random.nextInt(3) == 0 ? "xml" : "json";
            Expect expect = SUCCESS;
            String what = "valid";
            if (i > 0) {
                String field = HostileInput.pick(random, List.copyOf(form.keySet()));
                switch (random.nextInt(4)) {
                    case 0 -> {
                        form.remove(field);
                        what = field + " left out";
                        expect = EITHER;
                    }
                    case 1 -> {
                        form.put(field, HostileInput.text(random));
                        what = "hostile " + field;
                        expect = EITHER;
                    }
                    case 2 -> {
                        form.put("description", HostileInput.text(random));
                        what = "hostile description";
                        expect = EITHER;
                    }
                    default -> {
                        what = "twice " + field;
                        expect = EITHER;
                    }
                }
            }
            String body = urlEncoded(form);
            if (what.startsWith("twice")) {
                body = body + "&" + what.substring(6) + "=" + query(HostileInput.text(random));
            }
            FuzzCase post = FuzzCase.send(what, "POST", "/open311/v2/requests." + format,
                    "application/x-www-form-urlencoded", HostileInput.utf8(body), expect);
            if (i % 7 == 3) {
                post = FuzzCase.send("not UTF-8", "POST", "/open311/v2/requests." + format,
                        "application/x-www-form-urlencoded",
                        HostileInput.invalidUtf8(random, HostileInput.utf8(body)), EITHER);
            } else if (i % 7 == 5) {
                post = FuzzCase.json("as JSON", "POST", "/open311/v2/requests." + format,
                        JSON.writeValueAsString(form), EITHER);
            }
            return check("open311 post #" + i, post);
        });
    }

    // ---------------------------------------------------------------- the citizen's and staff's forms

    /** One form: where it is, how it is sent, a valid filling and who may use it. */
    private record Form(String name, String page, String action, Map<String, String> valid, List<String> freeText,
            boolean multipart, String authorization, Expect validExpect) {
    }

    private static List<Form> forms() {
        return List.of(
                new Form("synpunkt", "/synpunkt", "/synpunkt", fields("kind", "klagomål", "category",
                        "gata-och-trafik", "text", "Gatlyktan är släckt.", "name", "Karin", "email",
                        "karin@example.se", "phone", ""), List.of("text", "name", "phone"), true, null, SUCCESS),
                new Form("felanmalan", "/felanmalan", "/felanmalan", fields("category", "klotter", "description",
                        "Klotter på skolans vägg.", "address", "Skolgatan 3", "latitude", "", "longitude", "",
                        "name", "", "email", "", "phone", ""), List.of("description", "address", "name"), true,
                        null, SUCCESS),
                new Form("e-forslag", "/e-forslag/nytt", "/e-forslag/nytt", fields("title", "Fler papperskorgar",
                        "text", "Det behövs fler papperskorgar vid stranden.", "category", "park-och-natur",
                        "personnummer", "19800101-0001", "kommun", "0000"), List.of("title", "text"), false, null,
                        SUCCESS),
                new Form("underskrift", "/synpunkt", "/e-forslag/" + UUID.nameUUIDFromBytes(new byte[] {2})
                        + "/underskrift", fields("personnummer", "19800101-0001", "kommun", "0000"),
                        List.of("personnummer"), false, null, REFUSAL),
                new Form("svar", "/synpunkt", "/status/svar", fields("kod", "7KQF-3M9X-WD2P-8HNA", "text",
                        "Här är mitt svar."), List.of("kod", "text"), false, null, REFUSAL),
                new Form("klagomal", "/synpunkt", "/klagomal-garanti", fields("kod", "7KQF-3M9X-WD2P-8HNA", "text",
                        "Garantin hölls inte.", "name", "Eva", "email", "", "phone", ""),
                        List.of("kod", "text", "name"), false, null, REFUSAL),
                new Form("avvikelse", "/avvikelse", "/avvikelse", fields("law", "SOL", "legalFlow", "LEX_SARAH",
                        "unit", "omsorg", "whatHappened", "Fel medicin vid kvällsbesöket.", "occurredAt",
                        "2026-11-22T18:00", "noticedAt", "2026-11-23T08:00", "immediateMeasures", "Läkare kontaktad.",
                        "personName", "", "personnummer", ""), List.of("whatHappened", "immediateMeasures",
                        "personName"), false, SARA, SUCCESS));
    }

    private static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> everyFormAnswersWithAReceiptOrASwedishPageAndShowsNothingAsMarkup() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Form form : forms()) {
            Session session = session(form.page(), form.authorization());
            Random random = FuzzRun.random("form " + form.name());
            for (int i = 0; i < FuzzRun.TRIES; i++) {
                FuzzCase post = formCase(form, session, random, i);
                if (form.authorization() != null) {
                    post = post.header("Authorization", form.authorization());
                }
                tests.add(check(form.name() + " form #" + i, post.header("Cookie", session.cookie())));
            }
        }
        return tests.stream();
    }

    private FuzzCase formCase(Form form, Session session, Random random, int index) {
        Map<String, String> fields = new LinkedHashMap<>(form.valid());
        fields.put("_csrf", session.csrf());
        fields.put("idempotencyKey", UUID.randomUUID().toString());
        Expect expect = form.validExpect();
        Expect validOr = expect == SUCCESS ? EITHER : REFUSAL;
        String what = "valid";
        int kind = index == 0 ? 0 : random.nextInt(8);
        switch (kind) {
            case 0 -> {
            }
            case 1, 2, 3 -> {
                String field = HostileInput.pick(random, form.freeText());
                fields.put(field, HostileInput.text(random));
                what = "hostile " + field;
                expect = validOr;
            }
            case 4 -> {
                String field = HostileInput.pick(random, List.copyOf(form.valid().keySet()));
                fields.remove(field);
                what = field + " left out";
                expect = validOr;
            }
            case 5 -> {
                String field = HostileInput.pick(random, List.copyOf(form.valid().keySet()));
                fields.put(field, HostileInput.randomCodePoints(random, 1 + random.nextInt(30)));
                what = "random " + field;
                expect = validOr;
            }
            case 6 -> {
                what = "not UTF-8";
                expect = validOr;
            }
            default -> {
                what = "idempotency key and bot trap";
                fields.put("idempotencyKey", HostileInput.text(random));
                if (random.nextBoolean()) {
                    fields.put("webbadress", "http://spam.example");
                    expect = REFUSAL;
                } else {
                    expect = validOr;
                }
            }
        }
        if (form.multipart() && random.nextBoolean()) {
            byte[] body = multipart(fields, "grans" + index);
            if (kind == 6) {
                body = HostileInput.invalidUtf8(random, body);
            }
            return FuzzCase.send(what + " (multipart)", "POST", form.action(),
                    "multipart/form-data; boundary=grans" + index, body, expect);
        }
        byte[] body = HostileInput.utf8(urlEncoded(fields));
        if (kind == 6) {
            body = (new String(body, StandardCharsets.US_ASCII) + "&text=%C0%BC%ED%A0%80%FF").getBytes(
                    StandardCharsets.US_ASCII);
        }
        return FuzzCase.send(what, "POST", form.action(), "application/x-www-form-urlencoded", body, expect);
    }

    private record Session(String cookie, String csrf) {
    }

    /** The CSRF cookie and hidden token a browser gets with the form page. */
    private Session session(String page, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(page))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> shown = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).as("GET %s", page).isEqualTo(200);
        String cookie = shown.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        Element token = Jsoup.parse(shown.body()).selectFirst("input[name=_csrf]");
        return new Session(cookie, token.val());
    }

    // ---------------------------------------------------------------- multipart, methods, the largest bodies

    @TestFactory
    Stream<DynamicTest> brokenMultipartIsRefusedAndNeverFails() {
        Random random = FuzzRun.random("multipart");
        List<String> paths = List.of("/api/v1/synpunkter", "/api/v1/felanmalningar");
        return IntStream.range(0, FuzzRun.TRIES * 2).mapToObj(i -> {
            String path = paths.get(i % paths.size());
            String part = path.endsWith("synpunkter") ? "synpunkt" : "felanmalan";
            String files = path.endsWith("synpunkter") ? "attachments" : "photos";
            String json = path.endsWith("synpunkter") ? synpunkt().json() : felanmalan(random).json();
            String boundary = "fuzz" + i;
            String whole = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                    + "\"\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"" + files + "\"; filename=\""
                    + HostileInput.text(random).replace("\"", "") + ".png\"\r\nContent-Type: image/png\r\n\r\n"
                    + "\u0089PNG\r\n\u001a\n" + "\r\n--" + boundary + "--\r\n";
            String contentType = "multipart/form-data; boundary=" + boundary;
            String what;
            byte[] body;
            switch (random.nextInt(8)) {
                case 0 -> {
                    what = "no closing boundary";
                    body = HostileInput.utf8(whole.substring(0, whole.lastIndexOf("--" + boundary + "--")));
                }
                case 1 -> {
                    what = "no boundary parameter";
                    contentType = "multipart/form-data";
                    body = HostileInput.utf8(whole);
                }
                case 2 -> {
                    what = "another boundary";
                    contentType = "multipart/form-data; boundary=annan";
                    body = HostileInput.utf8(whole);
                }
                case 3 -> {
                    what = "cut off";
                    body = HostileInput.utf8(whole.substring(0, random.nextInt(whole.length())));
                }
                case 4 -> {
                    what = "a part without a name";
                    body = HostileInput.utf8(whole.replace("name=\"" + part + "\"", "filename=\"x\""));
                }
                case 5 -> {
                    what = "the JSON part broken";
                    body = HostileInput.utf8(whole.replace(json, json.substring(0, json.length() / 2)));
                }
                case 6 -> {
                    what = "the JSON part as a file of text";
                    body = HostileInput.utf8(whole.replace("application/json", "text/plain"));
                }
                default -> {
                    what = "garbage";
                    body = HostileInput.utf8(HostileInput.randomCodePoints(random, 200));
                }
            }
            return check("multipart #" + i, FuzzCase.send(what, "POST", path, contentType, body, EITHER));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPathAnswersAnyMethodWithoutA5xx() {
        List<String> paths = List.of("/api/v1/synpunkter", "/api/v1/felanmalningar", "/api/v1/e-forslag",
                "/api/v1/status/7KQF-3M9X-WD2P-8HNA", "/api/v1/categories", "/open311/v2/services.json",
                "/open311/v2/requests.xml", "/synpunkt", "/felanmalan", "/status", "/e-forslag", "/klagomal-garanti");
        return paths.stream().flatMap(path -> Stream.of("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "HEAD", "FOO")
                .map(method -> check(method + " " + path, FuzzCase.send("method " + method, method, path,
                        null, null, EITHER))));
    }

    @Test
    void aMultipartRequestOverItsLimitIs413NotAFailure() throws Exception {
        int size = 53 * 1024 * 1024;
        String boundary = "stor";
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
        body.writeBytes(HostileInput.utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"synpunkt\""
                + "\r\nContent-Type: application/json\r\n\r\n" + synpunkt().json() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"stor.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
        body.write(new byte[size]);
        body.writeBytes(HostileInput.utf8("\r\n--" + boundary + "--\r\n"));
        FuzzCase huge = FuzzCase.send("53 MB multipart", "POST", "/api/v1/synpunkter",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), REFUSAL);

        HttpResponse<byte[]> declared = send(huge);
        HttpResponse<byte[]> chunked = send(huge.withoutLength());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        verify(huge, declared);
        verify(huge.withoutLength(), chunked);
    }

    // ---------------------------------------------------------------- sending and checking

    private DynamicTest check(String name, FuzzCase fuzzed) {
        return DynamicTest.dynamicTest(name + ": " + fuzzed.what(), () -> {
            HttpResponse<byte[]> response;
            try {
                response = send(fuzzed);
            } catch (HttpTimeoutException hang) {
                throw new AssertionError("No answer within 20 s (" + FuzzRun.replay() + ")\n" + fuzzed.describe());
            }
            verify(fuzzed, response);
        });
    }

    private HttpResponse<byte[]> send(FuzzCase fuzzed) throws Exception {
        HttpRequest.BodyPublisher body;
        if (fuzzed.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (fuzzed.chunked()) {
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fuzzed.body()));
        } else {
            body = HttpRequest.BodyPublishers.ofByteArray(fuzzed.body());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(fuzzed.path())))
                .timeout(Duration.ofSeconds(20)).method(fuzzed.method(), body);
        fuzzed.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void verify(FuzzCase fuzzed, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String context = "\n" + fuzzed.describe() + "\n  answered " + status + " " + contentType + ": "
                + body.substring(0, Math.min(body.length(), 800)) + "\n  (" + FuzzRun.replay() + ")";

        assertThat(status).as("never a 5xx" + context).isLessThan(500);
        switch (fuzzed.expect()) {
            case SUCCESS -> assertThat(status).as("a valid request succeeds" + context).isBetween(200, 299);
            case REFUSAL -> assertThat(status).as("an invalid request is refused" + context).isBetween(400, 499);
            case EITHER -> assertThat(status).as("a success or a refusal" + context).isBetween(200, 499);
        }
        if (status >= 400 && !"HEAD".equals(fuzzed.method()) && !refusedByTomcat(body)
                && !fuzzed.what().startsWith(NO_SUCH_PAGE)) {
            switch (fuzzed.surface()) {
                case API -> verifyProblem(status, contentType, body, fuzzed.body() != null, context);
                case OPEN311 -> verifyGeoReportError(fuzzed, status, body, context);
                case PAGE -> verifySwedishPage(status, contentType, body, context);
            }
        }
        if (contentType.startsWith("text/html")) {
            verifyNothingRendersAsMarkup(body, context);
        }
    }

    /**
     * Tomcat refuses a path with an encoded slash, a NUL or bytes that are not UTF-8 before any of intake's code
     * runs, with its own short page (English, echoing nothing of the request): checked for markup like any page,
     * but not held to the surface's format.
     */
    private static boolean refusedByTomcat(String body) {
        return body.contains("<title>HTTP Status 400 – Bad Request</title>");
    }

    private static void verifyProblem(int status, String contentType, String body, boolean hadBody,
            String context) {
        assertThat(contentType).as("problem JSON" + context).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).as("the problem's status" + context).isEqualTo(status);
        assertThat(problem.path("title").asString("")).as("a title" + context).isNotBlank();
        if (hadBody && (status == 400 || status == 413 || status == 422)) {
            assertThat(problem.path("errors").isArray() && !problem.path("errors").isEmpty())
                    .as("names the field at fault" + context).isTrue();
            problem.path("errors").forEach(error ->
                    assertThat(error.path("field").asString("")).as("a field" + context).isNotBlank());
        }
    }

    private static void verifyGeoReportError(FuzzCase fuzzed, int status, String body, String context) {
        if (fuzzed.path().contains(".xml")) {
            assertThat(body).as("GeoReport XML errors" + context).contains("<errors>").contains("<code>" + status);
        } else if (!fuzzed.path().matches("/open311/v2/[^?]*\\.json(\\?.*)?")) {
            assertThat(body).as("GeoReport errors" + context).contains("\"code\":" + status);
        } else {
            JsonNode errors = JSON.readTree(body);
            assertThat(errors.isArray() && !errors.isEmpty()).as("a GeoReport error list" + context).isTrue();
            assertThat(errors.get(0).path("code").asInt()).as("its code" + context).isEqualTo(status);
            assertThat(errors.get(0).path("description").asString("")).as("a description" + context).isNotBlank();
        }
    }

    private static void verifySwedishPage(int status, String contentType, String body, String context) {
        assertThat(contentType).as("an HTML page" + context).startsWith("text/html");
        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("html").attr("lang")).as("in Swedish" + context).isEqualTo("sv");
        assertThat(page.title()).as("with a title" + context).isNotBlank();
    }

    /** Nothing that was sent runs: no payload verbatim, no element or attribute of ours carrying the marker. */
    private static void verifyNothingRendersAsMarkup(String body, String context) {
        for (String payload : HostileInput.MARKUP) {
            if (payload.contains("<")) {
                assertThat(body).as("shows the markup as text" + context).doesNotContain(payload);
            }
        }
        Document page = Jsoup.parse(body);
        for (Element element : page.getAllElements()) {
            assertThat(element.tagName()).as("no element of the input" + context)
                    .isNotIn("iframe", "svg", "details");
            element.attributes().forEach(attribute -> assertThat(attribute.getValue().contains("__fuzzed")
                    && (attribute.getKey().startsWith("on") || attribute.getValue().startsWith("javascript:")))
                    .as("no handler of the input: " + attribute + context).isFalse());
            if (element.tagName().equals("script")) {
                assertThat(element.data()).as("no script of the input" + context).doesNotContain("__fuzzed");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static byte[] multipart(Map<String, String> fields, String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(HostileInput.utf8("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
        body.writeBytes(HostileInput.utf8("--" + boundary + "--\r\n"));
        return body.toByteArray();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
