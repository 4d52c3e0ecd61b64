package dev.qcl.qlik.failure;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The TLS handshake with the tenant failed: a certificate that is not trusted, has expired or
 * names another host, or no common protocol. Trying again cannot help, so the run stops as FAILED
 * at once instead of retrying as if the connection had dropped.
 */
public class TenantTlsException extends RunStoppingException {
    private TenantTlsException(String message, Throwable cause) {
        super(message, 0, 1, cause);
    }

    /** The handshake failure inside {@code failure}, or null when it is not one. */
    public static TenantTlsException from(String host, Throwable failure) {
        Throwable handshake = find(failure, SSLHandshakeException.class);
        if (handshake == null) {
            handshake = find(failure, SSLPeerUnverifiedException.class);
        }
        if (handshake == null) {
            // a server that does not speak TLS on the port: as permanent as a refused certificate
            for (Throwable t = failure; t != null && handshake == null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof javax.net.ssl.SSLException
                        && String.valueOf(t.getMessage()).contains("SSL message")) {
                    handshake = t;
                }
            }
        }
        if (handshake == null) {
            return null;
        }
        return new TenantTlsException(
                "TLS handshake with " + host + " failed: " + reason(host, handshake) + " (" + rootMessage(handshake)
                        + ")",
                handshake);
    }

    private static String reason(String host, Throwable handshake) {
        String root = rootMessage(handshake).toLowerCase(java.util.Locale.ROOT);
        if (find(handshake, CertificateExpiredException.class) != null) {
            return "the certificate of " + host + " has expired";
        }
        // the JDK's words: "No subject alternative DNS name matching h found.", "... names matching IP address ..."
        if (root.contains("subject alternative") || root.contains("no name matching")) {
            return "the certificate does not match the host name " + host
                    + "; use the tenant's own address, as the management console shows it";
        }
        if (find(handshake, CertPathBuilderException.class) != null
                || find(handshake, CertPathValidatorException.class) != null
                || root.contains("pkix")
                || root.contains("unable to find valid certification path")) {
            return "the certificate of " + host + " is not trusted (a proxy that inspects TLS needs its CA in a"
                    + " trust store: QCL_JAVA_OPTS=\"-Djavax.net.ssl.trustStore=FILE\")";
        }
        if (find(handshake, CertificateException.class) != null) {
            return "the certificate of " + host + " was refused";
        }
        return "no secure connection could be agreed with " + host;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.FAILED;
    }
}
