package se.medborgardialog.intake.abuse;

import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class AbuseConfiguration implements WebMvcConfigurer {

    /** The form posts that carry the bot trap. */
    static final String[] TRAPPED_FORMS = {
            "/synpunkt",
            "/felanmalan",
            "/e-forslag/**",
            "/avvikelse",
            "/status/svar",
            "/klagomal-garanti",
    };

    private final Refusals refusals;

    AbuseConfiguration(ITemplateEngine templates, JsonMapper jsonMapper, SynpunktPageProperties pages,
            MeterRegistry meters) {
        this.refusals = new Refusals(templates, jsonMapper, pages, meters);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, Clock clock) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, clock, refusals));
        // Just after Spring Security, which has told who is logged in (staff are not limited).
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BotTrap(refusals)).addPathPatterns(TRAPPED_FORMS);
    }
}
