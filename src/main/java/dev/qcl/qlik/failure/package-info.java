/**
 * How a call to the tenant can end badly, as typed exceptions: rejected (the row is FAILED) or stopping
 * the run (unreachable, TLS, a pause longer than the cap, an interrupt). Uses nothing else of qcl.
 */
package dev.qcl.qlik.failure;
