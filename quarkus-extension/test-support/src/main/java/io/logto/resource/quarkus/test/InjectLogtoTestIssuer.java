package io.logto.resource.quarkus.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code LogtoTestIssuer} field of a test class that uses {@link LogtoTestResource}; the resource injects the
 * running issuer into it.
 *
 * <pre>{@code
 * @InjectLogtoTestIssuer
 * LogtoTestIssuer logto;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectLogtoTestIssuer {
}
