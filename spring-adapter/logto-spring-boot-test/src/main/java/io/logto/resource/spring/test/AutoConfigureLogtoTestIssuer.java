package io.logto.resource.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link io.logto.resource.test.LogtoTestIssuer} for the Spring test context of the annotated test
 * class and points the application at it: {@code logto.issuer} is set to the local issuer (overriding the
 * application's {@code logto.issuer}, {@code logto.endpoint} and {@code logto.jwks-uri}), and the issuer is
 * a bean, so tests can {@code @Autowired LogtoTestIssuer issuer} to mint tokens. The issuer lives as long as
 * the (cached) context. Use it with {@code @SpringBootTest} or {@code @WebMvcTest}:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockMvc
 * @AutoConfigureLogtoTestIssuer
 * class ReportsTest {
 *     @Autowired MockMvc mvc;
 *
 *     @Test
 *     void readsReports() throws Exception {
 *         mvc.perform(get("/api/reports").with(logtoToken().scopes("read:report"))).andExpect(status().isOk());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureLogtoTestIssuer {

    /** The default audience when neither this annotation nor the application sets one: {@code https://api.example.com}. */
    String DEFAULT_AUDIENCE = "https://api.example.com";

    /**
     * The API resource indicator to set as {@code logto.audience}; empty (the default) keeps the application's
     * {@code logto.audience}, or uses {@link #DEFAULT_AUDIENCE} when the application sets none.
     */
    String audience() default "";
}
