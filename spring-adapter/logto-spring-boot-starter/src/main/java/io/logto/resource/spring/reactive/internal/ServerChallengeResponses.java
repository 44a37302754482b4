package io.logto.resource.spring.reactive.internal;

import io.logto.resource.core.Challenge;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes the core's HTTP answers to a reactive response: status, {@code WWW-Authenticate} and JSON body, exactly as computed. */
public final class ServerChallengeResponses {

    private ServerChallengeResponses() {
    }

    /**
     * Writes a challenge unless the response is already committed.
     *
     * @param challenge the core's answer
     * @param exchange  the exchange whose response is written
     * @return completes when the body is written
     */
    public static Mono<Void> write(Challenge challenge, ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = challenge.body().getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(HttpStatusCode.valueOf(challenge.status()));
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge.wwwAuthenticate());
        headers.set(HttpHeaders.CONTENT_TYPE, Challenge.CONTENT_TYPE);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
