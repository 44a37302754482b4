package io.logto.resource.benchmarks.http;

import java.nio.file.Path;
import java.util.List;

/**
 * A framework under test: its sample's jar and its peer's jar (relative to the repository root).
 *
 * @param name the framework, e.g. {@code spring}
 * @param sampleJar the sample (this SDK)
 * @param peer the peer application's description
 * @param peerJar the peer (the framework's own JWT support), or {@code null} when none exists yet
 */
public record Target(String name, Path sampleJar, String peer, Path peerJar) {

    /** Every framework the harness knows, peers that exist so far included. */
    public static final List<Target> ALL = List.of(
            new Target("spring", Path.of("samples/spring-sample/target/spring-sample.jar"),
                    "Spring Security resource server (Spring MVC)",
                    Path.of("benchmarks/http/peer-spring-mvc/target/http-peer-spring-mvc.jar")),
            new Target("webflux", Path.of("samples/webflux-sample/target/webflux-sample.jar"),
                    "reactive Spring Security resource server (Spring WebFlux)",
                    Path.of("benchmarks/http/peer-spring-webflux/target/http-peer-spring-webflux.jar")),
            new Target("servlet", Path.of("samples/servlet-sample/target/servlet-sample.jar"),
                    "Jetty 12 + Nimbus DefaultJWTProcessor filter",
                    Path.of("benchmarks/http/peer-servlet/target/http-peer-servlet.jar")),
            new Target("micronaut", Path.of("samples/micronaut-sample/target/micronaut-sample.jar"),
                    "micronaut-security-jwt with @Secured",
                    Path.of("benchmarks/http/peer-micronaut/target/http-peer-micronaut.jar")),
            new Target("quarkus", Path.of("samples/quarkus-sample/target/quarkus-app/quarkus-run.jar"),
                    "SmallRye JWT (mp.jwt.verify.*) with @RolesAllowed",
                    Path.of("benchmarks/http/peer-quarkus/target/quarkus-app/quarkus-run.jar")));

    /**
     * Looks a target up by name.
     *
     * @param name e.g. {@code servlet}
     * @return the target
     * @throws IllegalArgumentException for an unknown name
     */
    public static Target named(String name) {
        return ALL.stream().filter(t -> t.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown target " + name));
    }
}
