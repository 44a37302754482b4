package io.logto.resource.benchmarks;

/**
 * One library's way of validating an access token, reduced to a single call so every library runs in
 * the same benchmark loop.
 */
@FunctionalInterface
public interface TokenValidator extends AutoCloseable {

    /**
     * Validates a token.
     *
     * @param token a compact JWS
     * @return the library's verified-token object (never null for a valid token)
     * @throws Exception the library's own exception when the token is refused
     */
    Object validate(String token) throws Exception;

    /** Releases background resources; nothing by default. */
    @Override
    default void close() {
    }
}
