package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** Checks a JSON answer against GeoReport v2's JSON Schemas (src/test/resources/open311, draft-04). */
final class Open311Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private Open311Schemas() {
    }

    /** @param schema e.g. {@code services.json}; {@code $ref}s resolve next to it */
    static void assertValid(String schema, String json) {
        JsonSchema loaded = FACTORY.getSchema(SchemaLocation.of("classpath:open311/" + schema));
        Set<ValidationMessage> errors = loaded.validate(json, InputFormat.JSON);
        assertThat(errors).as("%s against %s", json, schema).isEmpty();
    }
}
