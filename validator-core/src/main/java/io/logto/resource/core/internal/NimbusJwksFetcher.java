package io.logto.resource.core.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import io.logto.resource.core.KeyFetch;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoListener;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bottom of the key-source chain: resolves the JWKS URL (configured, discovered, or
 * {@code <issuer>/jwks}), fetches it with bounded timeouts and size, and accepts it only when it holds at
 * least one usable public signature key. Anything else (HTTP error, timeout, oversized, malformed or
 * empty document) is thrown as {@link JWKSetUnavailableException}, so the outage-tolerant layer above
 * keeps serving the last good set instead.
 */
final class NimbusJwksFetcher implements JWKSetSource<SecurityContext> {

    /** Marks a fetch caused by a token with an unknown {@code kid}; such fetches are rate-limited. */
    static final SecurityContext UNKNOWN_KEY = new SecurityContext() {
    };

    /** Thrown instead of fetching when an unknown-{@code kid} refetch comes too soon after the last one. */
    static final class RefetchLimitedException extends JWKSetUnavailableException {
        private static final long serialVersionUID = 1L;

        RefetchLimitedException() {
            super("unknown-kid refetch rate limit reached");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NimbusJwksFetcher.class);
    private static final int MIN_RSA_BITS = 2048;

    private final LogtoConfig config;
    private final DefaultResourceRetriever retriever;
    private final Consumer<Set<String>> onKeysFetched;
    private final long refetchIntervalMillis;
    private final AtomicLong nextUnknownKeyFetch = new AtomicLong(Long.MIN_VALUE);
    private volatile URL jwksUrl;
    private volatile boolean lastFetchSucceeded = true;
    private volatile boolean everFetched;
    private volatile long lastFailureEnded = Long.MIN_VALUE;
    private volatile long lastSuccessEnded = Long.MIN_VALUE;
    private volatile String lastError;
    private final LogtoListener listener;

    NimbusJwksFetcher(LogtoConfig config, Consumer<Set<String>> onKeysFetched) {
        this.config = config;
        this.onKeysFetched = onKeysFetched;
        this.listener = config.listener().orElse(null);
        this.refetchIntervalMillis = config.jwksUnknownKeyRefetchInterval().toMillis();
        this.retriever = new DefaultResourceRetriever((int) config.connectTimeout().toMillis(),
                (int) config.readTimeout().toMillis(), config.jwksSizeLimitBytes(), true,
                config.sslContext().map(javax.net.ssl.SSLContext::getSocketFactory).orElse(null));
        config.proxy().ifPresent(retriever::setProxy);
        this.jwksUrl = config.jwksUri().map(NimbusJwksFetcher::toUrl)
                .orElse(config.discovery() ? null : toUrl(config.fallbackJwksUri()));
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        if (context == UNKNOWN_KEY && !acquireUnknownKeyFetch(currentTime)) {
            throw new RefetchLimitedException();
        }
        if (!everFetched && currentTime < lastFailureEnded) {
            // No key yet, and this request was already waiting while a fetch failed: it gets that answer
            // instead of trying again, so a flood against a down issuer does not queue fetch after fetch.
            throw new JWKSetUnavailableException("JWKS unavailable (the fetch this request waited for failed)");
        }
        KeyFetch.Cause cause = context == UNKNOWN_KEY ? KeyFetch.Cause.UNKNOWN_KEY
                : everFetched ? KeyFetch.Cause.REFRESH : KeyFetch.Cause.FIRST_LOAD;
        long started = System.nanoTime();
        JWKSet fetched;
        try {
            fetched = fetch();
        } catch (KeySourceException e) {
            lastFetchSucceeded = false;
            lastError = e.getMessage();
            if (!everFetched) {
                // With keys in memory the outage-tolerant layer logs; before the first key set, this is the only word.
                LOG.warn("Logto JWKS could not be fetched: {}", e.getMessage());
            }
            lastFailureEnded = System.currentTimeMillis();
            tell(KeyFetch.failed(cause, Duration.ofNanos(System.nanoTime() - started), String.valueOf(e.getMessage())));
            throw e;
        }
        lastFetchSucceeded = true;
        lastError = null;
        lastSuccessEnded = System.currentTimeMillis();
        everFetched = true;
        tell(KeyFetch.succeeded(cause, Duration.ofNanos(System.nanoTime() - started), fetched.getKeys().size()));
        return fetched;
    }

    private JWKSet fetch() throws KeySourceException {
        URL url = resolveJwksUrl();
        Resource resource;
        try {
            resource = retriever.retrieveResource(url);
        } catch (IOException e) {
            throw new JWKSetRetrievalException("Couldn't retrieve JWKS from " + url + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
        JWKSet parsed;
        try {
            parsed = JWKSet.parse(resource.getContent());
        } catch (ParseException | RuntimeException e) {
            throw new JWKSetParseException("JWKS from " + url + " is not a valid JWK set", e);
        }
        Set<String> duplicated = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (JWK key : parsed.getKeys()) {
            if (key.getKeyID() != null && !seen.add(key.getKeyID())) {
                duplicated.add(key.getKeyID());
            }
        }
        if (!duplicated.isEmpty()) {
            LOG.warn("Logto JWKS from {} repeats key ids {}; those keys are ambiguous and ignored", url, duplicated);
        }
        List<JWK> usable = new ArrayList<>();
        Set<String> kids = new LinkedHashSet<>();
        for (JWK key : parsed.getKeys()) {
            if (isUsableSignatureKey(key) && !duplicated.contains(key.getKeyID())) {
                kids.add(key.getKeyID());
                usable.add(key.toPublicJWK());
            }
        }
        if (usable.isEmpty()) {
            throw new JWKSetParseException("JWKS from " + url + " holds no usable signature key (with kid)", null);
        }
        if (usable.size() < parsed.getKeys().size()) {
            LOG.debug("Logto JWKS: ignored {} key(s) that are not public EC/RSA signature keys with a kid",
                    parsed.getKeys().size() - usable.size());
        }
        LOG.debug("Logto JWKS fetched from {}: {} key(s)", url, usable.size());
        onKeysFetched.accept(Set.copyOf(kids));
        return new JWKSet(usable);
    }

    private void tell(KeyFetch fetch) {
        if (listener != null) {
            try {
                listener.keysFetched(fetch);
            } catch (RuntimeException e) {
                LOG.debug("Logto listener failed on a key fetch", e);
            }
        }
    }

    /** When the last successful fetch ended (epoch millis), or {@link Long#MIN_VALUE} before the first. */
    long lastSuccessEnded() {
        return lastSuccessEnded;
    }

    /** When the last failed fetch ended (epoch millis) if the latest fetch failed, else {@link Long#MIN_VALUE}. */
    long lastFailureEndedIfLatest() {
        return lastFetchSucceeded ? Long.MIN_VALUE : lastFailureEnded;
    }

    /** Why the latest fetch failed; null when it succeeded. */
    String lastError() {
        return lastError;
    }

    /** Whether the latest fetch (not a rate-limited attempt) succeeded; true before the first fetch. */
    boolean lastFetchSucceeded() {
        return lastFetchSucceeded;
    }

    /** The JWKS location in use, or a note that discovery has not run yet. */
    String jwksLocation() {
        URL url = jwksUrl;
        return url != null ? url.toString() : "(discovery pending at " + config.discoveryUri() + ")";
    }

    /** Whether a refetch for an unknown {@code kid} would be allowed now (does not take the slot). */
    boolean unknownKeyRefetchAllowed(long now) {
        return now >= nextUnknownKeyFetch.get();
    }

    private boolean acquireUnknownKeyFetch(long now) {
        long next = nextUnknownKeyFetch.get();
        return now >= next && nextUnknownKeyFetch.compareAndSet(next, now + refetchIntervalMillis);
    }

    private URL resolveJwksUrl() {
        URL known = jwksUrl;
        if (known != null) {
            return known;
        }
        URL discovered = discover();
        if (discovered != null) {
            jwksUrl = discovered;
            return discovered;
        }
        return toUrl(config.fallbackJwksUri());
    }

    private URL discover() {
        URI discoveryUri = config.discoveryUri();
        try {
            Resource resource = retriever.retrieveResource(discoveryUri.toURL());
            Map<String, Object> document = JSONObjectUtils.parse(resource.getContent());
            String issuer = JSONObjectUtils.getString(document, "issuer");
            if (!config.issuer().equals(issuer)) {
                LOG.warn("Logto discovery at {} names issuer '{}' instead of '{}'; using {}", discoveryUri, issuer,
                        config.issuer(), config.fallbackJwksUri());
                return null;
            }
            String jwks = JSONObjectUtils.getString(document, "jwks_uri");
            URI jwksUri = jwks == null ? null : URI.create(jwks);
            if (!Urls.isFetchable(jwksUri, config.allowInsecureHttp())) {
                LOG.warn("Logto discovery at {} has no usable https jwks_uri; using {}", discoveryUri,
                        config.fallbackJwksUri());
                return null;
            }
            LOG.debug("Logto discovery: jwks_uri is {}", jwksUri);
            return jwksUri.toURL();
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("Logto discovery at {} failed ({}); using {}", discoveryUri, e.getMessage(),
                    config.fallbackJwksUri());
            return null;
        }
    }

    static boolean isUsableSignatureKey(JWK key) {
        if (key.getKeyID() == null || key.getKeyID().isEmpty()) {
            return false;
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return false;
        }
        if (key instanceof ECKey) {
            Curve curve = ((ECKey) key).getCurve();
            return Curve.P_256.equals(curve) || Curve.P_384.equals(curve) || Curve.P_521.equals(curve);
        }
        if (key instanceof RSAKey) {
            RSAKey rsa = (RSAKey) key;
            return key.size() >= MIN_RSA_BITS
                    && RsaKeyChecks.acceptable(rsa.getModulus().decodeToBigInteger(), rsa.getPublicExponent().decodeToBigInteger());
        }
        return false;
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException("logto: not a URL: " + uri, e);
        }
    }

    @Override
    public void close() {
        // nothing to release: each request opens and closes its own connection
    }
}
