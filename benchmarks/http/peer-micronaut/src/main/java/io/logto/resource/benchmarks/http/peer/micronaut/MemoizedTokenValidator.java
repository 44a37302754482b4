package io.logto.resource.benchmarks.http.peer.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;

/**
 * The benchmark's {@code memoized} run only ({@code BENCH_MEMOIZE_VERIFICATION=true}), never a configuration to
 * copy: asked first, it answers a token that micronaut-security-jwt's own validator accepted before with the same
 * {@link Authentication}, kept forever (no expiry check, no bound), so that a repeated token costs Micronaut
 * Security's own request path and nothing for verification: how close to its floor any validator can bring it.
 */
@Singleton
@Requires(property = "bench.memoize-verification", value = "true")
public class MemoizedTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final BeanContext context;
    private final Map<String, Authentication> validated = new ConcurrentHashMap<>();
    private volatile TokenValidator<HttpRequest<?>> jwt;

    /**
     * Creates the validator.
     *
     * @param context to find micronaut-security-jwt's validator in on first use
     */
    public MemoizedTokenValidator(BeanContext context) {
        this.context = context;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Authentication known = validated.get(token);
        if (known != null) {
            return Publishers.just(known);
        }
        return Publishers.then(jwt().validateToken(token, request), authentication -> validated.put(token, authentication));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TokenValidator<HttpRequest<?>> jwt() {
        TokenValidator<HttpRequest<?>> found = jwt;
        if (found == null) {
            List<TokenValidator> others = context.getBeansOfType(TokenValidator.class).stream()
                    .filter(validator -> validator != this).toList();
            if (others.size() != 1) {
                throw new IllegalStateException("expected micronaut-security-jwt's one token validator, found " + others);
            }
            found = others.get(0);
            jwt = found;
        }
        return found;
    }

    /** Before micronaut-security-jwt's validator, which then runs only for tokens not seen before. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
