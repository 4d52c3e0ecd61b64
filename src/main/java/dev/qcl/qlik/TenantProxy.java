package dev.qcl.qlik;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The proxy to the tenant, as company networks set it: the JVM's {@code https.proxyHost} (with
 * {@code http.nonProxyHosts}) when given, else the {@code HTTPS_PROXY} / {@code HTTP_PROXY} and
 * {@code NO_PROXY} environment variables as curl reads them, else none.
 */
final class TenantProxy extends ProxySelector {
    private final Proxy httpsProxy;
    private final Proxy httpProxy;
    private final List<String> noProxy;

    private TenantProxy(Proxy httpsProxy, Proxy httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /** The selector for this process: JVM properties win over environment variables. */
    static ProxySelector select(Function<String, String> environment, Function<String, String> systemProperties) {
        if (isSet(systemProperties.apply("https.proxyHost")) || isSet(systemProperties.apply("http.proxyHost"))) {
            return ProxySelector.getDefault();
        }
        Proxy https = proxy(variable(environment, "HTTPS_PROXY"));
        Proxy http = proxy(variable(environment, "HTTP_PROXY"));
        String noProxy = variable(environment, "NO_PROXY");
        List<String> exceptions = noProxy == null
                ? List.of()
                : Arrays.stream(noProxy.split(","))
                        .map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new TenantProxy(https, http, exceptions);
    }

    @Override
    public List<Proxy> select(URI uri) {
        Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // nothing to fall back to: the failure reaches the caller as a connection failure
    }

    /** NO_PROXY entries: {@code *}, a host name, a domain ({@code .corp} or {@code corp} covers its sub-domains), an IP. */
    private boolean bypassed(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        for (String entry : noProxy) {
            String domain =
                    entry.replaceAll(":\\d+$", "").replaceAll("^\\*?\\.", "").replaceAll("^\\[|]$", "");
            if (entry.equals("*") || name.equals(domain) || name.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** {@code http://proxy.corp:3128}, or {@code proxy.corp:3128} without a scheme; the port defaults to 80 (443 for https). */
    private static Proxy proxy(String value) {
        if (!isSet(value)) {
            return null;
        }
        String text = value.strip();
        URI uri = URI.create(text.contains("://") ? text : "http://" + text);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the proxy '" + text + "' has no host; write it like http://proxy.corp:3128");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    private static String variable(Function<String, String> environment, String name) {
        String upper = environment.apply(name);
        return isSet(upper) ? upper : environment.apply(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
