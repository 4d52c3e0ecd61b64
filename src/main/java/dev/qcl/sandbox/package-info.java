/** The built-in sandbox Qlik Cloud tenant: an in-process WireMock server with state, used by {@code qcl demo}, tests and benchmarks. */
package dev.qcl.sandbox;
