package io.logto.resource.quarkus.internal;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.security.spi.runtime.SecurityCheck;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Runs the extension's recorded steps: builds the resource server from configuration, the checks and the route. */
@Recorder
public class LogtoRecorder {

    /** The configuration prefix; the core names properties with it in its error messages. */
    public static final String PREFIX = "quarkus.logto.";

    /** The running application's resource server, for recorded objects that are not beans (checks, route handler). */
    private static volatile LogtoResourceServer current;

    /**
     * Reads {@code quarkus.logto.*} through validator-core's shared property mapping and creates the resource server,
     * closed at shutdown. Runs at runtime init, so invalid configuration fails startup.
     *
     * @param shutdown the shutdown context
     * @return the resource server supplier for the synthetic bean
     * @throws ConfigurationException with the core's message naming the property to fix
     */
    public Supplier<LogtoResourceServer> resourceServer(ShutdownContext shutdown) {
        Config config = ConfigProvider.getConfig();
        LogtoConfig logtoConfig;
        try {
            logtoConfig = LogtoConfig.fromProperties(PREFIX, name -> config.getOptionalValue(name, String.class).orElse(null));
            logtoConfig = LogtoOperations.complete(logtoConfig);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), Set.of());
        }
        LogtoResourceServer server = LogtoResourceServer.create(logtoConfig);
        current = server;
        shutdown.addShutdownTask(() -> {
            current = null;
            server.close();
        });
        return () -> server;
    }

    /** The resource server of the running application (the bean's instance); created at runtime init. */
    static LogtoResourceServer current() {
        LogtoResourceServer server = current;
        if (server == null) {
            throw new IllegalStateException("the Logto resource server is not running");
        }
        return server;
    }

    /**
     * The security check of one protected method: the core's {@link EndpointRequirement}, validated at build time and
     * rebuilt here from its parts.
     *
     * @param kind                 the token kind required
     * @param organizationVariable the path parameter holding the organization id; null for global requirements
     * @param match                how the scopes combine
     * @param scopes               the scopes
     * @param organizationArgument index of the organization id argument; -1 for global requirements and for methods
     *                             without that parameter
     * @return the check
     */
    public SecurityCheck requirementCheck(TokenKind kind, String organizationVariable, ScopeMatch match,
                                          String[] scopes, int organizationArgument) {
        return new LogtoRequirementCheck(EndpointRequirement.of(kind, organizationVariable, match, List.of(scopes)),
                organizationArgument);
    }

    /**
     * The handler of {@code /.well-known/oauth-protected-resource}.
     *
     * @param annotatedScopes scopes found on annotations at build time
     * @return the handler
     */
    public Handler<RoutingContext> metadataHandler(Set<String> annotatedScopes) {
        return new LogtoMetadataHandler(annotatedScopes);
    }
}
