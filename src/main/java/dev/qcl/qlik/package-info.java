/**
 * The HTTP client to the Qlik Cloud tenant with its write policy: pacing to the tenant's window, 429
 * pauses, retries, safe create, tokens, proxy and TLS. Uses only its own {@code api} and {@code failure}
 * packages; every package that talks to the tenant goes through {@link dev.qcl.qlik.QlikClient}.
 */
package dev.qcl.qlik;
