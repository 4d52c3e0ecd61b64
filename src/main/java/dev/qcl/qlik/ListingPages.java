package dev.qcl.qlik;

import dev.qcl.qlik.TenantCalls.Call;
import dev.qcl.qlik.WireTypes.LinksJson;
import dev.qcl.qlik.WireTypes.PageJson;
import dev.qcl.qlik.failure.RejectedException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The one paging loop of every listing: follows {@code links.next} from the first page until a page has
 * none. A tenant whose links never end would keep a run busy with no row done, so a listing is refused
 * (a {@link RejectedException}: its rows fail, the run goes on) when a link leads back to a page it read,
 * when a whole page lists only items of earlier pages (a new cursor over the same page), or past
 * {@code maxPages} pages.
 */
final class ListingPages {
    private final ApiUris uris;
    private final int maxPages;

    ListingPages(ApiUris uris, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
        }
        this.uris = uris;
        this.maxPages = maxPages;
    }

    /**
     * Every item of every page, in order, odd ones (null, no ID) included for the caller to judge.
     *
     * @param resourcePath the listing's path, for example {@code /spaces}: where a next link's own path begins
     * @param read one page's GET (retried as one call)
     */
    <T extends PageJson.Item> List<T> all(
            Call call, URI first, String resourcePath, Function<URI, ? extends PageJson<T>> read) {
        List<T> items = new ArrayList<>();
        Map<String, Integer> seenPages = new HashMap<>();
        Set<String> seenIds = new HashSet<>();
        URI uri = first;
        while (uri != null) {
            String key = pageKey(uri);
            Integer earlier = seenPages.get(key);
            if (earlier != null) {
                throw endless(call, "the link after page " + seenPages.size() + " leads back to page " + earlier);
            }
            if (seenPages.size() == maxPages) {
                throw endless(
                        call,
                        "it has more than " + maxPages + " pages (qcl.tenant.max-pages; " + maxPages + " x "
                                + TenantReads.PAGE_SIZE + " items)");
            }
            seenPages.put(key, seenPages.size() + 1);
            PageJson<T> page = read.apply(uri);
            List<T> data = page.data() == null ? List.of() : page.data();
            URI next = next(page.links(), resourcePath);
            List<String> ids = data.stream()
                    .filter(Objects::nonNull)
                    .map(PageJson.Item::itemId)
                    .filter(Objects::nonNull)
                    .toList();
            // a cursor that changes while the page does not: the tenant would hand out the same page forever
            if (next != null && !ids.isEmpty() && seenIds.containsAll(ids)) {
                throw endless(call, "page " + seenPages.size() + " lists only items of earlier pages");
            }
            seenIds.addAll(ids);
            items.addAll(data);
            uri = next;
        }
        return items;
    }

    private URI next(LinksJson links, String resourcePath) {
        if (links == null
                || links.next() == null
                || links.next().href() == null
                || links.next().href().isBlank()) {
            return null;
        }
        return uris.nextPage(links.next().href(), resourcePath);
    }

    /** A page by its path and its query parameters in any order, so that a reordered link is the same page. */
    static String pageKey(URI uri) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String[] parameters = query.isEmpty() ? new String[0] : query.split("&");
        Arrays.sort(parameters);
        return uri.getRawPath() + "?" + String.join("&", parameters);
    }

    private static RejectedException endless(Call call, String why) {
        return RejectedException.endlessListing(call.subject(), why);
    }
}
