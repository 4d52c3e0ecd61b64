package dev.qcl.qlik;

import java.util.Collection;
import java.util.List;

/**
 * The bearer token that authorises each request, for the identity qcl runs as. An API key is one
 * fixed token; an OAuth client's tokens are fetched, renewed before they expire and replaced once
 * after a 401.
 */
interface BearerTokens {

    /** The token to send now; may fetch one (I/O failures are {@link TransientFailure}s). */
    String token();

    /** The tenant answered 401 to a request that carried {@code refused}: do not hand it out again. */
    void refused(String refused);

    /** True when a new token is worth one more try after a 401 (a fixed API key never is). */
    boolean renewable();

    /** The identity, for messages. */
    Identity identity();

    /** Every text to mask in logs and messages: the key or client secret and the tokens issued. */
    Collection<String> secrets();

    /** An API key: the same token for every request, and a 401 is final. */
    static BearerTokens of(Identity.ApiKey key) {
        return new BearerTokens() {
            @Override
            public String token() {
                return key.key();
            }

            @Override
            public void refused(String refused) {
                // the same key again: the caller gives up
            }

            @Override
            public boolean renewable() {
                return false;
            }

            @Override
            public Identity identity() {
                return key;
            }

            @Override
            public Collection<String> secrets() {
                return List.of(key.key());
            }
        };
    }
}
