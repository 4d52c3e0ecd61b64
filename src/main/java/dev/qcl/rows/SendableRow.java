package dev.qcl.rows;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.PropertyValues;
import dev.qcl.connector.PropertyValues.UnusableReferenceException;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.csv.ReferenceResolver.UnresolvedReferenceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row's connection properties as they are sent, references resolved just now (never stored), with
 * the secret texts that must be masked in anything the tenant answers.
 */
record SendableRow(Map<String, Object> properties, List<String> secrets) {

    /** The row ready to send, or empty with the reason when a variable or file has gone since validation. */
    static Optional<SendableRow> of(ConnectionDraft draft, ReferenceResolver references, StringBuilder reason) {
        try {
            // one pass: each referenced file is read once per send
            PropertyValues.Sendable sendable = PropertyValues.sendable(draft, references);
            return Optional.of(new SendableRow(sendable.properties(), sendable.secretTexts()));
        } catch (UnresolvedReferenceException | UnusableReferenceException e) {
            reason.append(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SendableRow[properties=" + properties.keySet() + ", secrets=****]";
    }
}
