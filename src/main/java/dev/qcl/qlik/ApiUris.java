package dev.qcl.qlik;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds request URIs under the configured API root, encoding every variable part fully. */
final class ApiUris {
    private final URI root;

    ApiUris(URI root) {
        this.root = root;
    }

    /** {@code pathTemplate} with {@code {name}} variables; query parameters with null values are left out. */
    URI of(String pathTemplate, Map<String, ?> pathVariables, Map<String, ?> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(root).path(pathTemplate);
        Map<String, Object> variables = new HashMap<>(pathVariables);
        query.forEach((name, value) -> {
            if (value != null) {
                builder.queryParam(name, "{q_" + name + "}");
                variables.put("q_" + name, value);
            }
        });
        return builder.encode().buildAndExpand(variables).toUri();
    }

    URI of(String path, Map<String, ?> query) {
        return of(path, Map.of(), query);
    }

    /**
     * The next page: {@code links.next.href} is absolute and may name another host or drop the
     * {@code /api} prefix, so only its path from {@code resourcePath} on and its query are kept,
     * against our own root.
     */
    URI nextPage(String href, String resourcePath) {
        URI next = URI.create(href.strip());
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        int at = path.indexOf(resourcePath);
        String tail = at >= 0 ? path.substring(at) : resourcePath;
        String query = next.getRawQuery() == null ? "" : "?" + next.getRawQuery();
        return URI.create(root + tail + query);
    }

    static Map<String, Object> query(Object... namesAndValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
