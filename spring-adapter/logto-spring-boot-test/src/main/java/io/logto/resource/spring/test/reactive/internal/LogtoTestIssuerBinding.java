package io.logto.resource.spring.test.reactive.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.test.LogtoTestIssuer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * A pass-through filter that Spring Boot's {@code WebTestClient} carries so that {@code logtoToken()} can find
 * the test context's {@link LogtoTestIssuer} and the application's primary audience (looked up when a token is
 * minted, so after the context has started).
 */
public final class LogtoTestIssuerBinding implements ExchangeFilterFunction {

    private final BeanFactory beans;

    /**
     * Creates the binding.
     *
     * @param beans the test's application context
     */
    public LogtoTestIssuerBinding(BeanFactory beans) {
        this.beans = beans;
    }

    /** Passes the request on unchanged. */
    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request);
    }

    /**
     * The context's issuer.
     *
     * @return the issuer
     * @throws IllegalStateException when the context has none
     */
    public LogtoTestIssuer issuer() {
        LogtoTestIssuer issuer = beans.getBeanProvider(LogtoTestIssuer.class).getIfAvailable();
        if (issuer == null) {
            throw new IllegalStateException("logtoToken() found no LogtoTestIssuer in the test's application context: "
                    + "annotate the test class with @AutoConfigureLogtoTestIssuer, or pass an issuer to logtoToken(issuer)");
        }
        return issuer;
    }

    /**
     * The application's primary {@code logto.audience}.
     *
     * @return the audience
     * @throws IllegalStateException when the context has no {@link LogtoResourceServer}
     */
    public String audience() {
        LogtoResourceServer logto = beans.getBeanProvider(LogtoResourceServer.class).getIfAvailable();
        if (logto == null) {
            throw new IllegalStateException("logtoToken() found no LogtoResourceServer in the test's application "
                    + "context; set the audience with .audience(...)");
        }
        return logto.config().audiences().get(0);
    }
}
