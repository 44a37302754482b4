package io.logto.resource.micronaut.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @MicronautTest} against a local Logto-shaped issuer instead of a Logto tenant: before the
 * application starts, a {@link io.logto.resource.test.LogtoTestIssuer} is started on a free loopback port
 * and {@code logto.issuer} and {@code logto.jwks-uri} point to it (replacing any configured issuer,
 * endpoint or additional issuers). The issuer is a bean: inject it to mint tokens; it is closed with the
 * application context.
 *
 * <pre>{@code
 * @MicronautTest
 * @WithLogtoTestIssuer
 * class ReportsControllerTest {
 *     @Inject LogtoTestIssuer logto;
 *     @Inject @Client("/") HttpClient client;
 *
 *     @Test
 *     void readsReports() {
 *         String token = logto.globalToken(WithLogtoTestIssuer.DEFAULT_AUDIENCE).scopes("read:report").sign();
 *         HttpResponse<String> response = client.toBlocking()
 *                 .exchange(HttpRequest.GET("/api/reports").bearerAuth(token), String.class);
 *         assertEquals(200, response.code());
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithLogtoTestIssuer {

    /** The audience used when neither {@link #audience()} nor {@code logto.audience} is set. */
    String DEFAULT_AUDIENCE = "https://api.example.com";

    /**
     * The API resource indicator to accept, replacing {@code logto.audience}.
     *
     * @return the audience; empty (the default) keeps {@code logto.audience}, or uses {@link #DEFAULT_AUDIENCE}
     *         when that is not set either
     */
    String audience() default "";
}
