package se.medborgardialog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTests {

    private static final Path HOME = Path.of("/repo");

    @Test
    void listensForMailOnTheDevelopmentPortsByDefault() {
        StackSettings settings = StackSettings.fromArgs(HOME, new String[0]);

        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.mailPort()).isEqualTo(8025);
    }

    @Test
    void readsTheSmtpAndMailPortsFromTheCommandLine() {
        StackSettings settings = StackSettings.fromArgs(HOME, new String[] {"--smtp-port=2525", "--mail-port=9025"});

        assertThat(settings.smtpPort()).isEqualTo(2525);
        assertThat(settings.mailPort()).isEqualTo(9025);
        assertThatThrownBy(() -> StackSettings.fromArgs(HOME, new String[] {"--smtp-port=nej"}))
                .hasMessageContaining("--smtp-port");
    }

    @Test
    void takesFreeMailPortsWhenBuiltWithoutThemAndKeepsThemThroughWithArguments() {
        StackSettings settings = new StackSettings(HOME, HOME.resolve("data"), 1, 2, 3,
                Map.of(Service.CASE, 4), true);

        assertThat(settings.smtpPort()).isZero();
        assertThat(settings.mailPort()).isZero();
        StackSettings chosen = settings.withMailPorts(2525, 9025).withArguments(Service.CASE, "--x=y");
        assertThat(chosen.smtpPort()).isEqualTo(2525);
        assertThat(chosen.mailPort()).isEqualTo(9025);
        assertThat(chosen.arguments(Service.CASE)).containsExactly("--x=y");
    }
}
