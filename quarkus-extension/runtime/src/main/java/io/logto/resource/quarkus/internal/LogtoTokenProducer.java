package io.logto.resource.quarkus.internal;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.LogtoIdentity;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the current request's {@link VerifiedToken} injectable ({@code @Inject VerifiedToken token}). Using it in a
 * request without a Logto token throws {@link UnauthorizedException}, answered with the 401 challenge.
 */
@Singleton
public class LogtoTokenProducer {

    /**
     * The verified token of the current request.
     *
     * @param identity the current identity
     * @return the token
     * @throws UnauthorizedException when the request carries no verified Logto token
     */
    @Produces
    @RequestScoped
    VerifiedToken verifiedToken(SecurityIdentity identity) {
        return LogtoIdentity.verifiedToken(identity).orElseThrow(UnauthorizedException::new);
    }
}
