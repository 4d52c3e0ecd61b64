package dev.qcl.qlik;

import dev.qcl.qlik.WireTypes.ErrorJson;
import dev.qcl.qlik.WireTypes.ErrorsJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the tenant's {@code {"errors":[{code,title,detail,status}]}} into one line of text. */
final class TenantErrors {
    private TenantErrors() {}

    static String describe(RawResponse response, JsonMapper jsonMapper) {
        ErrorJson first = firstError(response, jsonMapper);
        if (first == null) {
            return "no error details from the tenant";
        }
        String title = blankToNull(first.title());
        String detail = blankToNull(first.detail());
        if (title != null && detail != null) {
            return title + " - " + detail;
        }
        return title != null ? title : detail != null ? detail : "no error details from the tenant";
    }

    private static ErrorJson firstError(RawResponse response, JsonMapper jsonMapper) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            ErrorsJson errors = jsonMapper.readValue(response.body(), ErrorsJson.class);
            return errors == null || errors.errors() == null || errors.errors().isEmpty()
                    ? null
                    : errors.errors().get(0);
        } catch (JacksonException notTheErrorShape) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
