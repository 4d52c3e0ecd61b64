package dev.qcl.sandbox;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends WireMock's own messages to our log at low levels instead of the console. */
final class Slf4jWireMockNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxTenant.class);

    @Override
    public void info(String message) {
        LOG.trace("wiremock: {}", message);
    }

    @Override
    public void error(String message) {
        LOG.debug("wiremock: {}", message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.warn("wiremock: {}", message, t);
    }
}
