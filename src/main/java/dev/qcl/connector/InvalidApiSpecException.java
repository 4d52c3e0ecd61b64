package dev.qcl.connector;

/** The tenant sent api-specs that cannot be read as a connector specification. */
public final class InvalidApiSpecException extends RuntimeException {
    private InvalidApiSpecException(String message, Throwable cause) {
        super(message, cause);
    }

    static InvalidApiSpecException of(String dataSourceId, String problem) {
        return new InvalidApiSpecException("the api-specs of data source " + dataSourceId + " " + problem, null);
    }

    static InvalidApiSpecException notJson(String dataSourceId, Throwable cause) {
        return new InvalidApiSpecException(
                "the api-specs of data source " + dataSourceId + " are not valid JSON", cause);
    }
}
