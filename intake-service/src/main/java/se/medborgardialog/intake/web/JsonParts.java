package se.medborgardialog.intake.web;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON part of a {@code multipart/form-data} request (e.g. {@code synpunkt} next to its files) by the
 * rules of a JSON body: the same size limit ({@code intake.max-request-body}) and the same problems, with the
 * offending field prefixed by the part's name ({@code synpunkt.kind}).
 */
@Component
public class JsonParts {

    private final long maxBytes;
    private final JsonMapper jsonMapper;

    JsonParts(WebConfiguration.WebProperties properties, JsonMapper jsonMapper) {
        this.maxBytes = properties.maxRequestBody().toBytes();
        this.jsonMapper = jsonMapper;
    }

    /** @param json the part's bytes, as sent (JSON is UTF-8 whatever the part's headers say) */
    public <T> T read(String partName, byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new InvalidRequestException(new FieldViolation(partName, "Delen saknas eller är tom."));
        }
        if (json.length > maxBytes) {
            throw new PayloadTooLargeException("Delen " + partName + " får vara högst " + (maxBytes / 1024) + " KiB.",
                    List.of(new FieldViolation(partName, "Delen är för stor.")));
        }
        try {
            return jsonMapper.readValue(json, type);
        } catch (JacksonException unreadable) {
            FieldViolation violation = ApiProblems.describe(unreadable);
            String field = "body".equals(violation.field()) ? partName : partName + "." + violation.field();
            throw new InvalidRequestException(new FieldViolation(field, violation.message()));
        }
    }
}
