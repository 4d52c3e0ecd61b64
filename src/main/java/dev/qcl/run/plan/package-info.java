/**
 * Saved plans (contract section 13): the plan a dry run made, as a file that a later run applies
 * exactly, what each decision was based on, and the checks that refuse a plan that no longer fits.
 * Uses {@code run} (the options a plan records), {@code results}' statuses and the tenant's records.
 */
package dev.qcl.run.plan;
