package io.logto.resource.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoTokenVerifier;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerifiedToken;
import org.junit.jupiter.api.Test;

// tag::extension[]
@org.junit.jupiter.api.extension.ExtendWith(LogtoTestIssuerExtension.class)
class ReadmeExampleTest {

    @Test
    void membersCanReadTheirOrganization(LogtoTestIssuer logto) {
        LogtoConfig config = LogtoConfig.custom().issuer(logto.issuer()).audience("https://api.example.com").build();
        try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config)) {
            String token = logto.organizationToken("org_42").subject("user-7").scopes("read:member").sign();

            VerifiedToken verified = verifier.verifyOrThrow(token);

            assertThat(Requirement.organization("org_42", "read:member").evaluate(verified).isGranted()).isTrue();
        }
    }
}
// end::extension[]
