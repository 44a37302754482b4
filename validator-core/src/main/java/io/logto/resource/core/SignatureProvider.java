package io.logto.resource.core;

/**
 * Which JCA provider verifies token signatures. The choice never changes which tokens are accepted,
 * only how fast: both providers pass Project Wycheproof's ECDSA and RSA vectors through the SDK's
 * verification path (see the core README for measurements).
 */
public enum SignatureProvider {

    /**
     * Bouncy Castle for ECDSA when it is on the class path (about 7x faster than the JDK's pure-Java
     * P-384 on Java 17, with keys converted to Bouncy Castle's own key class once per key), the JDK for
     * RSA (equally fast on both). Bouncy Castle is used as a provider object and is never registered
     * globally. This is the default.
     */
    AUTO,

    /** The JDK's default providers for every algorithm. */
    JDK,

    /**
     * Bouncy Castle for every algorithm.
     *
     * <p>Building a verifier with this choice fails with an {@link IllegalStateException} when
     * {@code org.bouncycastle:bcprov-jdk18on} is not on the class path.
     */
    BOUNCY_CASTLE
}
