package io.logto.resource.spring.reactive.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers {@code GET} and {@code HEAD} {@code /.well-known/oauth-protected-resource} with the core's RFC 9728
 * document, listing the configured scopes plus those found on annotated endpoints. Sits in the security
 * filter chain before authentication, so the document is public whatever the authorization rules say.
 */
public final class ServerMetadataWebFilter implements WebFilter {

    private final LogtoResourceServer logto;
    private final Supplier<Set<String>> endpointScopes;
    private volatile byte[] document;

    /**
     * Creates the filter.
     *
     * @param logto          the resource server whose metadata is served
     * @param endpointScopes the scopes found on endpoints, read once at the first request
     */
    public ServerMetadataWebFilter(LogtoResourceServer logto, Supplier<Set<String>> endpointScopes) {
        this.logto = logto;
        this.endpointScopes = endpointScopes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // a plain comparison: Spring Security's matchers answer through a Flux, on every request of the API
        return isMetadataRequest(exchange.getRequest()) ? serve(exchange) : chain.filter(exchange);
    }

    private static boolean isMetadataRequest(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && ProtectedResourceMetadata.PATH.equals(request.getPath().pathWithinApplication().value());
    }

    private Mono<Void> serve(ServerWebExchange exchange) {
        byte[] body = document;
        if (body == null) {
            body = logto.metadata().withScopes(endpointScopes.get()).toJson().getBytes(StandardCharsets.UTF_8);
            document = body;
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        byte[] written = body;
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(written)));
    }
}
