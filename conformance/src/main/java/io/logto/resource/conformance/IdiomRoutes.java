package io.logto.resource.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the application's idiom routes to the suite: {@code GET} paths under {@code /api/idiom/}, each
 * guarded only by the framework's own idiomatic check for the global scope {@code read:report} (Spring
 * {@code hasAuthority('SCOPE_read:report')}, Micronaut {@code @Secured("read:report")}, Quarkus
 * {@code @RolesAllowed("read:report")}, servlet {@code request.isUserInRole("read:report")}, ...) and answering
 * 200 {@code {"sub": <subject>}}. Every application must name at least one; the suite fails one that names none.
 *
 * <pre>{@code
 * @IdiomRoutes({"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
 * class SpringSampleIT extends SampleConformanceSuite { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IdiomRoutes {

    /**
     * The idiom routes, each a path starting with {@code /api/idiom/}.
     *
     * @return the paths
     */
    String[] value();
}
