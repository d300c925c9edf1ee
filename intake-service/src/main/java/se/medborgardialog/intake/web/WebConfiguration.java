package se.medborgardialog.intake.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * @param maxRequestBody          {@code intake.max-request-body}: the largest JSON body (and JSON part of a
     *                                multipart request) accepted (default 64 KB)
     * @param maxMultipartRequestBody {@code intake.max-multipart-request-body}: the largest multipart request, a
     *                                submission with its files (default 52 MB: five files of 10 MB and the form)
     */
    @ConfigurationProperties("intake")
    record WebProperties(@DefaultValue("64KB") DataSize maxRequestBody,
            @DefaultValue("52MB") DataSize maxMultipartRequestBody) {
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebProperties properties,
            JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(),
                        properties.maxMultipartRequestBody().toBytes(), jsonMapper));
        // Before Spring Security: an oversized body is refused whoever sends it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedParametersFilter> malformedParametersFilter(JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(new MalformedParametersFilter(jsonMapper));
        // Right after the size check and before Spring Security, whose CSRF check reads a parameter.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
        return registration;
    }

    /** A number or boolean where text is expected is a client mistake, not something to stringify silently. */
    @Bean
    JsonMapperBuilderCustomizer strictTextCoercion() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
