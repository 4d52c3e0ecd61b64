package dev.qcl.sandbox;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** One request to the sandbox API as the endpoints see it: method, path segments under the base path, query. */
record ApiCall(String method, List<String> segments, String baseUrl, String rawPath, String rawQuery, Request request) {

    static final String BASE_PATH = "/api/v1";

    ApiCall {
        segments = List.copyOf(segments);
    }

    static ApiCall of(Request request) {
        URI uri;
        try {
            uri = URI.create(request.getAbsoluteUrl());
        } catch (IllegalArgumentException e) {
            throw SandboxApiException.badRequest("Malformed request URL: " + e.getMessage());
        }
        String baseUrl = uri.getScheme() + "://" + uri.getRawAuthority();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> segments = new ArrayList<>();
        if (rawPath.equals(BASE_PATH) || rawPath.startsWith(BASE_PATH + "/")) {
            Arrays.stream(rawPath.substring(BASE_PATH.length()).split("/"))
                    .filter(s -> !s.isEmpty())
                    .map(ApiCall::decodeSegment)
                    .forEach(segments::add);
        } else {
            segments.add("\u0000outside-api");
        }
        return new ApiCall(request.getMethod().getName(), segments, baseUrl, rawPath, uri.getRawQuery(), request);
    }

    boolean is(String method, int segmentCount, String first) {
        return this.method.equals(method)
                && segments.size() == segmentCount
                && segments.get(0).equals(first);
    }

    Optional<String> param(String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    boolean flag(String name) {
        return param(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    int limit(int byDefault) {
        Optional<String> raw = param("limit");
        if (raw.isEmpty()) {
            return byDefault;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range limit
        }
        throw SandboxApiException.badRequest("limit must be an integer from 1 to 100, was '" + raw.get() + "'");
    }

    JsonNode body() {
        return Json.parseBody(request.getBodyAsString());
    }

    String selfHref() {
        return baseUrl + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }

    /** This request's absolute URL with the paging cursors replaced by {@code cursorName=cursor}. */
    String hrefWithCursor(String cursorName, String cursor, Set<String> cursorNames) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !cursorNames.contains(name)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(cursorName + "=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return baseUrl + rawPath + "?" + String.join("&", kept);
    }

    private static String decodeSegment(String raw) {
        // a '+' in a path is a plus sign, not a space
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
