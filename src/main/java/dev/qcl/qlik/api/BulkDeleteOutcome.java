package dev.qcl.qlik.api;

import java.util.Map;

/**
 * The answer to a bulk delete: the call's status (207) and attempts, and one status per connection ID
 * (204 deleted, 404 gone already, anything else refused, with the tenant's error).
 */
public record BulkDeleteOutcome(int httpStatus, int attempts, Map<String, Item> items) {
    public BulkDeleteOutcome {
        items = Map.copyOf(items);
    }

    /** One connection's outcome. */
    public record Item(int status, String error) {
        public boolean deleted() {
            return status >= 200 && status < 300;
        }
    }
}
