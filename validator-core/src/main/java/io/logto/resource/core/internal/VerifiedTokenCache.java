package io.logto.resource.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A bounded cache of successful verifications, keyed by the SHA-256 digest of the token, so a token
 * seen before costs a digest and a lock-free hash lookup instead of a signature verification.
 *
 * <p>Why this is safe: the key is a collision-resistant digest of the whole token (header, payload and
 * signature), so a hit means the very same bytes were verified before; the raw token is never stored
 * or compared, so there is no timing side channel on token comparison. An entry expires with its
 * token's {@code exp} (the caller re-checks {@code exp} against its clock on every hit) and is dropped
 * as soon as a fetched JWKS no longer holds its signing key. Only successful verifications are stored.
 *
 * <p>A token enters the cache at its second successful verification: a fixed table of digest fingerprints
 * (the "doorkeeper", no allocation, no lock) remembers first sightings. Traffic of one-off tokens therefore
 * does not pay for inserting and evicting entries that would never be read (measured: about 5 to 8 us per
 * verification, mostly memory traffic), while a reused token costs one extra verification in its lifetime.
 * The table has four slots per cache entry, grouped in buckets of eight (one cache line); a fingerprint
 * takes a free slot of its bucket, or a random one when the bucket is full, and frees its slot when the
 * token is admitted. So tokens whose digests share a bucket do not keep displacing each other: a token in
 * use is admitted after a few verifications at worst, never left out for good.
 *
 * @param <V> the cached value (the verification result)
 */
public final class VerifiedTokenCache<V> {

    /** The SHA-256 digest of a token as four longs; equality compares all 256 bits. */
    public static final class Digest {
        private final long a;
        private final long b;
        private final long c;
        private final long d;

        Digest(long a, long b, long c, long d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Digest)) {
                return false;
            }
            Digest other = (Digest) o;
            return a == other.a && b == other.b && c == other.c && d == other.d;
        }

        @Override
        public int hashCode() {
            return (int) (a ^ (a >>> 32));
        }
    }

    /** Per-thread digest state, so hashing a token allocates nothing but the {@link Digest}. */
    private static final class Scratch {
        final MessageDigest sha256;
        final byte[] out = new byte[32];
        byte[] in = new byte[2048];

        Scratch() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final int MAX_DOORKEEPER_SLOTS = 1 << 20;
    /** Fingerprints per doorkeeper bucket: eight longs, one 64-byte cache line. */
    private static final int BUCKET_SLOTS = 8;

    private final Cache<Digest, V> cache;
    private final Function<V, String> keyIdOf;
    private final long[] doorkeeper;
    private final int doorkeeperMask;

    /**
     * Creates the cache.
     *
     * @param maxEntries     upper bound of entries
     * @param clock          the clock that {@code expiresAtMillis} refers to
     * @param expiresAtMillis when a value stops being valid, in epoch milliseconds (its {@code exp} plus skew)
     * @param keyIdOf        the {@code kid} that signed a value
     */
    public VerifiedTokenCache(int maxEntries, Clock clock, ToLongFunction<V> expiresAtMillis, Function<V, String> keyIdOf) {
        this.keyIdOf = keyIdOf;
        int slots = Math.max(BUCKET_SLOTS,
                Math.min(MAX_DOORKEEPER_SLOTS, Integer.highestOneBit(Math.max(1, maxEntries)) << 2));
        this.doorkeeper = new long[slots];
        this.doorkeeperMask = slots - 1;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<Digest, V>creating((key, value) ->
                        Duration.ofMillis(Math.max(0, expiresAtMillis.applyAsLong(value) - clock.millis()))))
                .build();
    }

    /**
     * Digests a token whose characters are all ASCII (the verifier checks this first).
     *
     * @param asciiToken the token
     * @return its SHA-256 digest
     */
    @SuppressWarnings("deprecation")
    public static Digest digest(String asciiToken) {
        Scratch scratch = SCRATCH.get();
        int length = asciiToken.length();
        if (scratch.in.length < length) {
            scratch.in = new byte[Math.max(length, scratch.in.length * 2)];
        }
        // ASCII-only input: the low byte of each char is the char
        asciiToken.getBytes(0, length, scratch.in, 0);
        scratch.sha256.update(scratch.in, 0, length);
        try {
            scratch.sha256.digest(scratch.out, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        byte[] h = scratch.out;
        return new Digest(toLong(h, 0), toLong(h, 8), toLong(h, 16), toLong(h, 24));
    }

    private static long toLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    /** The cached value for a digest, or null. Lock-free. */
    public V get(Digest digest) {
        return cache.getIfPresent(digest);
    }

    /**
     * Whether a token was verified before (forgetting it then, as it is about to be admitted), recording it
     * otherwise. Racy by design: a lost record only means one more verification, a fingerprint collision
     * only an earlier insertion.
     */
    private boolean seenBefore(Digest digest) {
        int bucket = (int) digest.b & doorkeeperMask & -BUCKET_SLOTS;
        long fingerprint = digest.c | 1L;
        int free = -1;
        for (int i = bucket; i < bucket + BUCKET_SLOTS; i++) {
            long slot = doorkeeper[i];
            if (slot == fingerprint) {
                doorkeeper[i] = 0;
                return true;
            }
            if (slot == 0 && free < 0) {
                free = i;
            }
        }
        doorkeeper[free >= 0 ? free : bucket + ThreadLocalRandom.current().nextInt(BUCKET_SLOTS)] = fingerprint;
        return false;
    }

    /**
     * Stores a successful verification from the token's second verification on, unless its key has
     * already left the current JWKS.
     *
     * @param digest      the token's digest
     * @param value       the verification result
     * @param currentKids the {@code kid}s of the current JWKS, read after the store
     */
    public void put(Digest digest, V value, java.util.function.Supplier<Set<String>> currentKids) {
        if (!seenBefore(digest)) {
            return;
        }
        cache.put(digest, value);
        Set<String> kids = currentKids.get();
        if (kids != null && !kids.contains(keyIdOf.apply(value))) {
            cache.invalidate(digest);
        }
    }

    /** Drops one entry. */
    public void invalidate(Digest digest) {
        cache.invalidate(digest);
    }

    /**
     * Drops every entry signed by a key that is not in the given set; called after each JWKS fetch.
     *
     * @param kids the {@code kid}s of the freshly fetched JWKS
     */
    public void retainKeys(Set<String> kids) {
        cache.asMap().values().removeIf(value -> !kids.contains(keyIdOf.apply(value)));
    }

    /** The approximate number of entries, for tests and metrics. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
