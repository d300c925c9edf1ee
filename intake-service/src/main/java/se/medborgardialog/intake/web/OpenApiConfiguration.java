package se.medborgardialog.intake.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): its title and
 * description, the staff login for the staff-only parts (the OIDC provider's bearer token, or HTTP Basic for the
 * development users while no provider is configured), and the RFC 9457 problem shape every error answers with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The name operations refer to in {@code @SecurityRequirement}. */
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    /** The schema error responses refer to. */
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Bean
    OpenAPI intakeOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Medborgardialog – intake API")
                        .version("v1")
                        .description("""
                                Tar emot synpunkter (beröm, klagomål, förslag, frågor) från invånare (webb, app) och \
                                personal (e-post, brev, telefon, besök) och lägger dem på Kafka; svaret är ett kvitto \
                                med spårningskod och datum för svar. / Takes synpunkter from citizens and staff and \
                                publishes them to Kafka; the answer (202) is a receipt with a tracking code and the \
                                date of the answer, given only once Kafka has acknowledged it. Errors are RFC 9457 \
                                application/problem+json with the offending fields in errors[{field, message}]."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("Staff login with the municipality's OIDC provider (Keycloak's access "
                                        + "token): roles and units come from the token. Once it is configured, "
                                        + "HTTP Basic is off."))
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("Development users' login (registrator, handläggare), only while no OIDC "
                                        + "provider is configured: needed for the staff channels and receivedAt."))
                        .addSchemas("Problem", new ObjectSchema()
                                .description("RFC 9457 problem details (application/problem+json); messages in Swedish.")
                                .addProperty("type", new StringSchema().format("uri"))
                                .addProperty("title", new StringSchema())
                                .addProperty("status", new IntegerSchema())
                                .addProperty("detail", new StringSchema())
                                .addProperty("instance", new StringSchema().format("uri"))
                                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())))));
    }
}
