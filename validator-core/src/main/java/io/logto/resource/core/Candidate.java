package io.logto.resource.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import io.logto.resource.core.internal.NimbusKeys;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One token on its way through the {@link TokenCheck}s: each check reads what earlier checks found and
 * records what it finds for later ones (and for {@link TokenExplainer}). The only object a verification
 * miss allocates for the pipeline itself; confined to one thread at a time (an asynchronous verification
 * hands it to the key-fetch thread once, through the executor).
 */
final class Candidate {

    final CheckContext context;
    final String token;
    /** Index of the first and the last dot; set by {@link TokenCheck#FORMAT}. */
    int first;
    int last;

    Map<String, Object> headerJson;
    JWSHeader header;
    JWSAlgorithm alg;
    String typ;
    String kid;
    /** The key lookup, when made before {@link TokenCheck#KEY} runs (by an asynchronous verification). */
    NimbusKeys.Lookup lookup;
    JWK key;
    Set<JWSAlgorithm> keyAlgorithms;

    Map<String, Object> claims;
    long now;
    Long expSeconds;
    List<String> audienceValues;
    String organizationFromAudience;
    String subject;
    Set<String> scopes;
    TokenKind kind;
    String organizationId;

    Candidate(CheckContext context, String token) {
        this.context = context;
        this.token = token;
    }

    /** The verified token, once every check passed. */
    VerifiedToken toVerifiedToken() {
        Object iat = claims.get("iat");
        return new VerifiedToken(ClaimValues.freeze(claims), context.canonicalIssuer((String) claims.get("iss")),
                subject, (String) claims.get("client_id"), scopes, context.canonicalAudiences(audienceValues),
                organizationId, kind, expSeconds, iat == null ? null : CheckContext.numericDate(iat),
                (String) claims.get("jti"), kid, alg.getName());
    }
}
