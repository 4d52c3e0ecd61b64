package dev.qcl.qlik;

import dev.qcl.qlik.TenantCalls.Call;
import dev.qcl.qlik.TenantCalls.Tier;
import dev.qcl.qlik.WireTypes.ConnectionJson;
import dev.qcl.qlik.WritePolicy.Attempt;
import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.WriteOutcome;
import dev.qcl.qlik.failure.RejectedException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * Creates and patches connections. A create whose outcome is unknown (sent, then no answer) is
 * never sent again blindly: the next attempt first looks the name up in its space, and a 409 on
 * such a retry is resolved the same way, so no row is created twice.
 */
final class ConnectionWrites {
    private static final Logger log = LoggerFactory.getLogger(ConnectionWrites.class);
    private static final String CONNECTIONS = "/data-connections";

    private final TenantCalls calls;
    private final WritePolicy retry;
    private final ApiUris uris;
    private final SecretMasker masker;
    private final ConnectionLookup lookup;

    ConnectionWrites(TenantCalls calls, WritePolicy retry, ApiUris uris, SecretMasker masker, ConnectionLookup lookup) {
        this.calls = calls;
        this.retry = retry;
        this.uris = uris;
        this.masker = masker;
        this.lookup = lookup;
    }

    CreateOutcome create(CreateRequest request) {
        Call call = new Call(
                "create of data connection '" + request.qName() + "' in "
                        + ConnectionLookup.spaceLabel(request.spaceId()),
                masker.with(request.secretTexts()));
        AtomicBoolean outcomeUnknown = new AtomicBoolean();
        return retry.execute(call.subject(), attempt -> attemptCreate(request, call, attempt, outcomeUnknown))
                .value();
    }

    WriteOutcome patch(String connectionId, List<PatchOperation> operations, Collection<String> secretTexts) {
        Call call = new Call("update of data connection " + connectionId, masker.with(secretTexts));
        URI uri = uris.of(CONNECTIONS + "/{id}", Map.of("id", connectionId), Map.of());
        List<PatchOperation> body = List.copyOf(operations);
        return retry.execute(call.subject(), attempt -> {
                    RawResponse response = calls.exchange(Tier.WRITE, HttpMethod.PATCH, uri, body, call, attempt);
                    if (!response.isSuccess()) {
                        throw calls.rejected(response, call, attempt.number());
                    }
                    return new WriteOutcome(response.status(), attempt.number());
                })
                .value();
    }

    private CreateOutcome attemptCreate(
            CreateRequest request, Call call, Attempt attempt, AtomicBoolean outcomeUnknown) {
        if (outcomeUnknown.get()) {
            Optional<CreateOutcome> found = findCreated(request, call, attempt);
            if (found.isPresent()) {
                return found.get();
            }
        }
        RawResponse response;
        try {
            response = calls.exchange(
                    Tier.WRITE, HttpMethod.POST, uris.of(CONNECTIONS, Map.of()), request.body(), call, attempt);
        } catch (TransientFailure failure) {
            if (failure.kind() == TransientFailure.Kind.OUTCOME_UNKNOWN) {
                outcomeUnknown.set(true);
            }
            throw failure;
        }
        if (response.isSuccess()) {
            return created(request, response, call, attempt, outcomeUnknown);
        }
        if (response.status() == 409 && outcomeUnknown.get()) {
            Optional<CreateOutcome> found = findCreated(request, call, attempt);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw calls.rejected(response, call, attempt.number());
    }

    private Optional<CreateOutcome> findCreated(CreateRequest request, Call call, Attempt attempt) {
        Optional<ExistingConnection> found = lookup.byName(request.qName(), request.spaceId(), false, call, attempt);
        found.ifPresent(
                existing -> log.debug("{}: an earlier attempt had created it as {}", call.subject(), existing.id()));
        return found.map(existing -> new CreateOutcome(existing.id(), 200, attempt.number(), true));
    }

    /**
     * A 2xx answer. Its body should carry the new ID; an empty or unreadable one is treated like an
     * unknown outcome: the name is looked up before anything is recorded, and when it is not found
     * the next attempt looks again before it sends, so the row is neither reported failed while it
     * exists nor created twice.
     */
    private CreateOutcome created(
            CreateRequest request, RawResponse response, Call call, Attempt attempt, AtomicBoolean outcomeUnknown) {
        Optional<String> id = createdId(response, call, attempt);
        if (id.isPresent()) {
            return new CreateOutcome(id.get(), response.status(), attempt.number(), false);
        }
        Optional<ExistingConnection> found = lookup.byName(request.qName(), request.spaceId(), false, call, attempt);
        if (found.isPresent()) {
            return new CreateOutcome(found.get().id(), response.status(), attempt.number(), false, true);
        }
        outcomeUnknown.set(true);
        throw TransientFailure.unreadableSuccess(response.status());
    }

    private Optional<String> createdId(RawResponse response, Call call, Attempt attempt) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            ConnectionJson created = calls.read(response, ConnectionJson.class, call, attempt.number());
            return Optional.ofNullable(created)
                    .map(ConnectionJson::connectionId)
                    .filter(id -> !id.isBlank());
        } catch (RejectedException unreadable) {
            return Optional.empty();
        }
    }
}
