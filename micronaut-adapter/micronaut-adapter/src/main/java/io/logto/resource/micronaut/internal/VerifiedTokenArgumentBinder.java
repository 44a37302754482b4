package io.logto.resource.micronaut.internal;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.micronaut.MicronautLogtoAuthentication;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds controller parameters of type {@link VerifiedToken} to the token verified for the request. Before
 * the security filter has run it reports the argument as not yet satisfiable (like Micronaut's
 * {@code Authentication} binder); without a Logto token the argument is empty, so a {@code @Nullable}
 * parameter receives null.
 */
@Singleton
final class VerifiedTokenArgumentBinder implements TypedRequestArgumentBinder<VerifiedToken> {

    private static final Argument<VerifiedToken> TYPE = Argument.of(VerifiedToken.class);

    @Override
    public Argument<VerifiedToken> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<VerifiedToken> bind(ArgumentConversionContext<VerifiedToken> context, HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<VerifiedToken> token = request.getUserPrincipal(Authentication.class)
                .flatMap(MicronautLogtoAuthentication::verifiedToken);
        return token.isPresent() ? () -> token : BindingResult.empty();
    }
}
