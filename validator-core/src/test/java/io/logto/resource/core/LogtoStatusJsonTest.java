package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogtoStatusJsonTest {

    @Test
    void theHealthDocumentIsDownBeforeKeysAndUpWithTheDetailsAfter() throws Exception {
        try (JwksServer server = new JwksServer().serving(TestKeys.ES384);
             LogtoTokenVerifier verifier = LogtoTokenVerifier.create(server.config().build())) {
            Map<String, Object> before = JSONObjectUtils.parse(verifier.status().toJson());
            assertThat(before).containsEntry("status", "DOWN");
            assertThat(JSONObjectUtils.getJSONObject(before, "details")).containsKeys("issuer", "jwks", "keys")
                    .doesNotContainKey("lastSuccessfulFetch");

            verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().build()));

            Map<String, Object> after = JSONObjectUtils.parse(verifier.status().toJson());
            assertThat(after).containsEntry("status", "UP");
            assertThat(JSONObjectUtils.getJSONObject(after, "details"))
                    .containsEntry("issuer", verifier.status().issuer())
                    .containsEntry("keys", 1L)
                    .containsKey("lastSuccessfulFetch");
        }
    }
}
