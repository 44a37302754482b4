package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/** What the extension's end-to-end tests share: the application wired to the loopback issuer, and the answer check. */
final class TestApplication {

    static final String AUDIENCE = "https://api.example.com";

    private TestApplication() {
    }

    /**
     * A Quarkus application on a random port whose issuer is the loopback one at {@link IssuerPort}; the test class
     * and its nested resources are part of it.
     */
    static QuarkusUnitTest withLoopbackIssuer(Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(IssuerPort.class, TestApplication.class, LoopbackIssuerTest.class)
                        .addClasses(classes))
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideRuntimeConfigKey("quarkus.logto.issuer", IssuerPort.issuer())
                .overrideRuntimeConfigKey("quarkus.logto.audience", AUDIENCE);
    }

    /** The response is exactly the core's answer: status, {@code WWW-Authenticate}, content type and body. */
    static void assertChallenge(Response response, Challenge expected) {
        assertThat(response.statusCode()).isEqualTo(expected.status());
        assertThat(response.header("WWW-Authenticate")).isEqualTo(expected.wwwAuthenticate());
        assertThat(response.contentType()).startsWith(Challenge.CONTENT_TYPE);
        assertThat(response.asString()).isEqualTo(expected.body());
    }
}
