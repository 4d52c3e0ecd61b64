package dev.qcl.qlik.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which I/O failures are a failed TLS handshake, and what the message says is wrong. */
class TenantTlsExceptionTests {
    private static final String HOST = "acme.eu.qlikcloud.com";

    /** A handshake failure as the JDK client reports it: wrapped in an I/O exception. */
    private static IOException wrapped(Throwable handshake) {
        return new IOException("wrapped", handshake);
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Nested
    class Recognising {
        @Test
        void should_not_take_other_io_failures_for_tls() {
            assertThat(TenantTlsException.from(HOST, new IOException("reset", new ConnectException("refused"))))
                    .isNull();
            assertThat(TenantTlsException.from(HOST, wrapped(new SSLException("connection closed"))))
                    .isNull();
        }

        @Test
        void should_recognise_a_peer_that_was_not_verified() {
            TenantTlsException tls = TenantTlsException.from(HOST, wrapped(new SSLPeerUnverifiedException("no cert")));

            assertThat(tls)
                    .hasMessage("TLS handshake with " + HOST + " failed: no secure connection could be agreed with "
                            + HOST + " (no cert)");
            assertThat(tls.runStatus()).isEqualTo(RunStoppingException.RunStatus.FAILED);
            assertThat(tls.attempts()).isEqualTo(1);
            assertThat(tls.httpStatus()).isZero();
        }

        @Test
        void should_recognise_a_server_that_does_not_speak_tls() {
            assertThat(TenantTlsException.from(
                            HOST, wrapped(new SSLException("Unsupported or unrecognized SSL message"))))
                    .hasMessageContaining("no secure connection could be agreed with " + HOST);
        }

        @Test
        void should_stop_at_a_cause_that_is_itself() {
            IOException selfCaused = new IOException("loop") {
                @Override
                public synchronized Throwable getCause() {
                    return this;
                }
            };

            assertThat(TenantTlsException.from(HOST, selfCaused)).isNull();
        }
    }

    @Nested
    class Reasons {
        @Test
        void should_say_the_certificate_has_expired() {
            assertThat(TenantTlsException.from(
                            HOST, wrapped(handshake("bad cert", new CertificateExpiredException("NotAfter: 2024")))))
                    .hasMessage("TLS handshake with " + HOST + " failed: the certificate of " + HOST
                            + " has expired (NotAfter: 2024)");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "No subject alternative DNS name matching acme.eu.qlikcloud.com found.",
                    "No name matching acme.eu.qlikcloud.com found"
                })
        void should_say_the_certificate_names_another_host(String message) {
            assertThat(TenantTlsException.from(HOST, wrapped(handshake("bad", new CertificateException(message)))))
                    .hasMessageContaining(
                            "the certificate does not match the host name " + HOST + "; use the tenant's own address");
        }

        @Test
        void should_say_the_certificate_is_not_trusted_when_no_path_to_a_trusted_one_is_found() {
            assertThat(TenantTlsException.from(
                            HOST, wrapped(handshake("bad", new CertPathBuilderException("no path")))))
                    .hasMessageContaining("the certificate of " + HOST + " is not trusted");
            assertThat(TenantTlsException.from(
                            HOST, wrapped(handshake("bad", new CertPathValidatorException("invalid")))))
                    .hasMessageContaining("is not trusted");
            assertThat(TenantTlsException.from(HOST, wrapped(handshake("PKIX path building failed", null))))
                    .hasMessageContaining("is not trusted");
            assertThat(TenantTlsException.from(
                            HOST, wrapped(handshake("x", new IOException("unable to find valid certification path")))))
                    .hasMessageContaining("is not trusted");
        }

        @Test
        void should_say_the_certificate_was_refused_for_other_certificate_problems() {
            assertThat(TenantTlsException.from(
                            HOST, wrapped(handshake("bad", new CertificateException("bad key usage")))))
                    .hasMessage("TLS handshake with " + HOST + " failed: the certificate of " + HOST
                            + " was refused (bad key usage)");
        }

        @Test
        void should_name_the_root_cause_by_its_class_when_it_has_no_message() {
            assertThat(TenantTlsException.from(HOST, wrapped(handshake("bad", new IllegalStateException()))))
                    .hasMessageEndingWith("(IllegalStateException)");
        }
    }
}
