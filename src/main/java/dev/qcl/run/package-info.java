/**
 * What one run is asked to do: its job parameters, what to do with existing connections, the set it owns,
 * which rows it takes, the saved plan it applies ({@code run.plan} holds the plans themselves), and its
 * live progress. Plain values, used by every layer above; uses
 * {@code results}' statuses and the tenant's records.
 */
package dev.qcl.run;
