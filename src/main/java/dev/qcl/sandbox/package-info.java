/**
 * The built-in sandbox Qlik Cloud tenant: an in-process WireMock server with state, used by
 * {@code qcl demo}, tests and benchmarks. Stands apart: uses no other qcl package, and only the command
 * line starts it.
 */
package dev.qcl.sandbox;
