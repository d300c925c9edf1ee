package se.medborgardialog.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production stack cannot run here (no Docker engine), but its compose file is validated with
 * Debian's docker-compose, which parses it without an engine ({@code .ci/run} installs it).
 */
class ComposeFileTests {

    private final Path home = Path.of(System.getProperty("medborgardialog.home", "..")).toAbsolutePath().normalize();

    @Test
    void composeFileIsValid() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed; .ci/run installs it");

        Process process = new ProcessBuilder("docker-compose", "-f", home.resolve("docker-compose.yml").toString(), "config", "-q")
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void composeStackHasRealKafkaAReplicaSetAndEveryServiceWithHealthChecks() throws Exception {
        String compose = Files.readString(home.resolve("docker-compose.yml"));

        assertThat(compose).contains("image: apache/kafka:", "KAFKA_PROCESS_ROLES: broker,controller",
                "image: mongo:", "--replSet", "replicaSet=rs0&w=majority");
        for (String service : new String[] {"intake-service", "case-service", "sla-service", "reporting-service"}) {
            assertThat(compose).contains("build: ./" + service);
            assertThat(home.resolve(service).resolve("Dockerfile")).exists();
            assertThat(Files.readString(home.resolve(service).resolve("Dockerfile"))).contains("HEALTHCHECK");
        }
    }

    @Test
    void composeStackSignsStaffInWithKeycloaksRealmOfUnitsAndRolesAndTheServicesCheckItsTokens() throws Exception {
        String compose = Files.readString(home.resolve("docker-compose.yml"));
        assertThat(compose).contains("image: quay.io/keycloak/keycloak:", "--import-realm",
                "./keycloak/medborgardialog-realm.json:/opt/keycloak/data/import/",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI: http://localhost:8180/realms/medborgardialog",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES: medborgardialog");
        for (String service : new String[] {"intake-service", "case-service", "sla-service", "reporting-service"}) {
            assertThat(compose).contains("build: ./" + service + "\n    environment:\n      <<: [*service-env, *staff-tokens, *staff-pages]");
        }
        // every service's staff pages sign in through the one realm client, whose redirect URIs name each service
        assertThat(compose).contains("x-staff-pages: &staff-pages",
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTID: medborgardialog-staff");

        JsonNode realm = JsonMapper.builder().build().readTree(home.resolve("keycloak/medborgardialog-realm.json").toFile());
        assertThat(realm.get("realm").asString()).isEqualTo("medborgardialog");
        assertThat(values(realm.at("/roles/realm"), "name")).contains("officer", "manager", "statistician",
                "administrator", "lex-sarah", "lex-maria", "skollagen");
        assertThat(realm.at("/groups/0/name").asString()).isEqualTo("enheter");
        assertThat(values(realm.at("/groups/0/subGroups"), "name"))
                .contains("stadsmiljo", "medborgarservice", "omsorg", "utbildning");
        for (JsonNode client : realm.get("clients")) {
            if ("medborgardialog-staff".equals(client.get("clientId").asString())) {
                assertThat(values(client.get("redirectUris"), null)).contains(
                        "http://localhost:8081/login/oauth2/code/keycloak", "http://localhost:8082/login/oauth2/code/keycloak",
                        "http://localhost:8083/login/oauth2/code/keycloak", "http://localhost:8084/login/oauth2/code/keycloak");
            }
            assertThat(values(client.get("protocolMappers"), "protocolMapper"))
                    .as(client.get("clientId").asString())
                    .contains("oidc-group-membership-mapper", "oidc-audience-mapper");
        }
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(field == null ? element.asString() : element.get(field).asString()));
        return values;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
