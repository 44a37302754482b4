package io.logto.resource.quarkus.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Serves the core's RFC 9728 document at {@code /.well-known/oauth-protected-resource}, listing the configured scopes
 * plus those the build found on {@code @Require*} annotations. Public: it needs no token.
 */
public final class LogtoMetadataHandler implements Handler<RoutingContext> {

    private final Set<String> annotatedScopes;
    private volatile String json;

    /**
     * Creates the handler.
     *
     * @param annotatedScopes scopes found on annotated endpoints at build time
     */
    public LogtoMetadataHandler(Set<String> annotatedScopes) {
        this.annotatedScopes = Set.copyOf(annotatedScopes);
    }

    @Override
    public void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            context.response().setStatusCode(405).putHeader(HttpHeaderNames.ALLOW, "GET, HEAD").end();
            return;
        }
        String document = json;
        if (document == null) {
            document = LogtoRecorder.current().metadata().withScopes(annotatedScopes).toJson();
            json = document;
        }
        context.response().putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json").end(document);
    }
}
