package se.medborgardialog.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CorsConfigurationTests {

    @Test
    void withNoOriginsConfiguredNothingIsOpenedCrossOrigin() {
        var source = SecurityConfiguration.corsConfigurationSource(new CorsProperties(null));

        assertThat(source.getCorsConfiguration(new MockHttpServletRequest("OPTIONS", "/api/v1/synpunkter"))).isNull();
    }

    @Test
    void configuredOriginsApplyToTheApiOnly() {
        var source = SecurityConfiguration.corsConfigurationSource(new CorsProperties(List.of("http://localhost:3000")));

        var api = source.getCorsConfiguration(new MockHttpServletRequest("OPTIONS", "/api/v1/synpunkter"));
        assertThat(api).isNotNull();
        assertThat(api.getAllowedOrigins()).containsExactly("http://localhost:3000");
        assertThat(api.getAllowedMethods()).containsExactly("GET", "POST", "OPTIONS");
        assertThat(api.getAllowedHeaders()).containsExactly("Content-Type", "Idempotency-Key", "Authorization");
        assertThat(api.getExposedHeaders()).containsExactly("Location", "Retry-After");
        assertThat(api.getMaxAge()).isEqualTo(3600L);
        assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", "/synpunkt"))).isNull();
    }
}
