package io.logto.resource.test;

/**
 * The signing key types a {@link LogtoTokenMinter} can use, matching what Logto can sign with.
 */
public enum KeyType {

    /** EC P-384 with ES384: Logto's default. */
    ES384,

    /** EC P-256 with ES256. */
    ES256,

    /** RSA 2048 with RS256 (Logto uses RSA-4096; 2048 keeps tests fast and verifies the same way). */
    RS256
}
