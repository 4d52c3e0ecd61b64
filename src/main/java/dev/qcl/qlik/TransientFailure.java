package dev.qcl.qlik;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** One attempt failed in a way worth retrying; internal to the retry loop, never leaves the client. */
final class TransientFailure extends RuntimeException {
    /** What the failure says about the request. */
    enum Kind {
        /** A 502, 503 or 504 response: the request was not carried out. */
        STATUS,
        /** No connection was made, so the request was not sent. */
        NOT_SENT,
        /** Sent, then no answer (read timeout, dropped connection): it may or may not have been carried out. */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;
    private final int httpStatus;

    private TransientFailure(Kind kind, int httpStatus, String description, Throwable cause) {
        super(description, cause, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    static TransientFailure status(int httpStatus, String tenantMessage) {
        return new TransientFailure(Kind.STATUS, httpStatus, "HTTP " + httpStatus + ": " + tenantMessage, null);
    }

    /** A 2xx create whose body names no connection, and whose name a look-up did not find: it may exist. */
    static TransientFailure unreadableSuccess(int httpStatus) {
        return new TransientFailure(
                Kind.OUTCOME_UNKNOWN,
                httpStatus,
                "HTTP " + httpStatus + " with an empty or unreadable body, and the name was not found on look-up",
                null);
    }

    /** Classifies an I/O failure by the causes the JDK client reports. */
    static TransientFailure io(Throwable failure) {
        if (hasCause(failure, ConnectException.class)
                || hasCause(failure, HttpConnectTimeoutException.class)
                || hasCause(failure, UnknownHostException.class)
                || hasCause(failure, UnresolvedAddressException.class)) {
            return new TransientFailure(Kind.NOT_SENT, 0, "could not connect (" + describe(failure) + ")", failure);
        }
        String what = hasCause(failure, HttpTimeoutException.class)
                ? "no response before the read timeout"
                : "connection dropped (" + describe(failure) + ")";
        return new TransientFailure(Kind.OUTCOME_UNKNOWN, 0, what, failure);
    }

    Kind kind() {
        return kind;
    }

    int httpStatus() {
        return httpStatus;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // class name only: I/O messages can quote URLs, never anything from the body
        return root instanceof IOException || root instanceof RuntimeException
                ? root.getClass().getSimpleName()
                : root.toString();
    }
}
