package io.logto.resource.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogtoTokenMinterTest {

    @RegisterExtension
    static LogtoTestIssuerExtension logto = new LogtoTestIssuerExtension();

    @Test
    void signsWithTheChosenKeyType() {
        LogtoTokenMinter rsa = LogtoTokenMinter.create("http://127.0.0.1:1/oidc", KeyType.RS256);
        String token = rsa.globalToken("https://api.example.com").sign();
        String header = new Base64URL(token.substring(0, token.indexOf('.'))).decodeToString();

        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"typ\":\"at+jwt\"").contains(rsa.keyId());
        assertThat(rsa.jwksJson()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
    }

    @Test
    void keepsAtMostThreeKeysLikeLogto() {
        LogtoTokenMinter minter = LogtoTokenMinter.create("http://127.0.0.1:1/oidc");
        String first = minter.keyId();
        minter.rotate();
        minter.rotate();
        minter.rotate();

        assertThat(minter.jwksJson()).doesNotContain(first);
        assertThat(minter.jwksJson().split("\"kid\"")).hasSize(LogtoTokenMinter.MAX_KEYS + 1);
    }

    @Test
    void exposesTheRunningIssuerOfARegisteredExtension() {
        assertThat(logto.issuer().issuer()).startsWith("http://127.0.0.1:").endsWith("/oidc");
    }
}
