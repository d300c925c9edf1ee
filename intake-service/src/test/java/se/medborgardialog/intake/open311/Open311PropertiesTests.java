package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import se.medborgardialog.intake.open311.Open311Properties.ApiKey;

class Open311PropertiesTests {

    private static final ApiKey APP = new ApiKey("app-nyckel-0123456789", "felanmalningsappen", false);
    private static final ApiKey DEV = new ApiKey("utveckling-open311-inte-for-produktion", "utveckling", true);

    @Test
    void aKeyNamesItsClientAndAnythingElseNoClient() {
        Open311Properties properties = properties(null, List.of(APP, DEV));

        assertThat(properties.client("app-nyckel-0123456789")).contains(APP);
        assertThat(properties.client("utveckling-open311-inte-for-produktion")).contains(DEV);
        assertThat(properties.client("app-nyckel-012345678")).isEmpty();
        assertThat(properties.client("APP-NYCKEL-0123456789")).isEmpty();
        assertThat(properties.client("")).isEmpty();
        assertThat(properties.client(null)).isEmpty();
    }

    @Test
    void shortBlankOrRepeatedKeysAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKey("kort", "app", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKey("app-nyckel-0123456789", " ", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties(null, List.of(APP, new ApiKey(APP.key(), "en annan", false))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(APP.toString()).doesNotContain(APP.key());
    }

    @Test
    void aConfiguredJurisdictionServesOnlyItselfWhenOneIsNamed() {
        Open311Properties ours = properties("exempelkommun.se", List.of());
        assertThat(ours.serves("exempelkommun.se")).isTrue();
        assertThat(ours.serves(" Exempelkommun.SE ")).isTrue();
        assertThat(ours.serves(null)).isTrue();
        assertThat(ours.serves("")).isTrue();
        assertThat(ours.serves("grannkommun.se")).isFalse();
        assertThat(properties(" ", List.of()).serves("vilken-som-helst")).isTrue();
    }

    @Test
    void keysSetInTheEnvironmentReplaceTheDevelopmentKeyOfTheFile() {
        // As in Boot: the process environment ranks above application.yml.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", Map.of(
                "intake.open311.api-keys[0].key", DEV.key(),
                "intake.open311.api-keys[0].client", "utveckling",
                "intake.open311.api-keys[0].development", "true")));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "INTAKE_OPEN311_APIKEYS_0_KEY", "produktionsnyckel-med-32-tecken!!",
                "INTAKE_OPEN311_APIKEYS_0_CLIENT", "felanmalningsappen")));

        Open311Properties bound = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("intake.open311", Open311Properties.class);

        assertThat(bound.apiKeys()).containsExactly(
                new ApiKey("produktionsnyckel-med-32-tecken!!", "felanmalningsappen", false));
        assertThat(bound.client(DEV.key())).isEmpty();
        assertThat(bound.maxRequests()).isEqualTo(1000);
        assertThat(bound.maxWindow()).isEqualTo(Duration.ofDays(90));
    }

    private static Open311Properties properties(String jurisdictionId, List<ApiKey> keys) {
        return new Open311Properties(jurisdictionId, keys, 1000, Duration.ofDays(90), "Felanmälan", Map.of());
    }
}
