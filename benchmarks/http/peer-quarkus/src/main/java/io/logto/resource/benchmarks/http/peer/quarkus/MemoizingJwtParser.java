package io.logto.resource.benchmarks.http.peer.quarkus;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's own parser, which Quarkus's {@code MpJwtValidator} calls for every bearer token; with
 * {@code BENCH_MEMOIZE_VERIFICATION=true} (the benchmark's {@code memoized} run only, never a configuration to
 * copy) every parsed token is kept forever (no expiry check, no bound), so that a repeated token costs Quarkus
 * security's own request path and nothing for verification: how close to its floor any parser can bring it.
 * Without it, this bean only calls the default parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MemoizingJwtParser extends DefaultJWTParser {

    private final Map<String, JsonWebToken> parsed = new ConcurrentHashMap<>();

    @ConfigProperty(name = "bench.memoize-verification", defaultValue = "false")
    boolean memoize;

    /** Creates the parser; CDI calls it. */
    public MemoizingJwtParser() {
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!memoize) {
            return super.parse(token);
        }
        JsonWebToken known = parsed.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken verified = super.parse(token);
        parsed.put(token, verified);
        return verified;
    }
}
