package dev.qcl.sandbox;

/** An error answer of the sandbox API, rendered as Qlik's {@code {"errors":[...]}} body. */
final class SandboxApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

    private SandboxApiException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    static SandboxApiException badRequest(String detail) {
        return new SandboxApiException(400, "DCERROR-0010", "Bad or invalid request", detail);
    }

    static SandboxApiException unauthorized(String detail) {
        return new SandboxApiException(401, "HTTP-401", "Unauthorized", detail);
    }

    static SandboxApiException forbidden(String detail) {
        return new SandboxApiException(403, "HTTP-403", "Forbidden", detail);
    }

    static SandboxApiException notFound(String detail) {
        return new SandboxApiException(404, "HTTP-404", "Not found", detail);
    }

    static SandboxApiException methodNotAllowed(String detail) {
        return new SandboxApiException(405, "HTTP-405", "Method not allowed", detail);
    }

    static SandboxApiException conflict(String detail) {
        return new SandboxApiException(409, "DCERROR-0009", "Data connection already exists", detail);
    }

    static SandboxApiException rateLimited(long retryAfterSeconds) {
        return new SandboxApiException(
                429,
                "HTTP-429",
                "API rate limit reached.",
                "You need to wait " + retryAfterSeconds + " seconds until limit is lifted.");
    }

    static SandboxApiException unavailable(String detail) {
        return new SandboxApiException(503, "HTTP-503", "Service unavailable", detail);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }
}
