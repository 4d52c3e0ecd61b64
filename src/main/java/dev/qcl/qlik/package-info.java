/** The HTTP client to the Qlik Cloud tenant with its write policy: pacing, 429 pauses, retries and safe create. */
package dev.qcl.qlik;
