package se.medborgardialog.intake.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.JacksonXmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps the API JSON-only now that jackson-dataformat-xml is on the classpath (for Open311, which writes its XML
 * itself). Spring and Boot would otherwise register an XML converter for every controller, so that a client or a
 * browser asking for {@code application/xml} (browsers do, with q=0.9) would get the JSON API and its problem
 * details as XML.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyMessageConverters implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters ->
                converters.removeIf(JacksonXmlHttpMessageConverter.class::isInstance));
    }
}
