package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.internal.LogtoAuthenticationMechanism;
import io.logto.resource.quarkus.internal.LogtoIdentityProvider;
import io.logto.resource.quarkus.internal.LogtoRecorder;
import io.logto.resource.quarkus.internal.LogtoTokenProducer;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.security.deployment.AdditionalSecurityCheckBuildItem;
import io.quarkus.security.spi.AdditionalSecurityAnnotationBuildItem;
import io.quarkus.security.spi.SecurityTransformer.AuthorizationType;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires validator-core into Quarkus at build time: the authentication mechanism and identity provider, the
 * {@code @Require*} annotations as Quarkus security checks (located and validated here, not at runtime), the
 * resource server built from {@code quarkus.logto.*} at runtime init, and the RFC 9728 route.
 */
class LogtoProcessor {

    static final String FEATURE = "logto";

    /** Named, not referenced: the class needs Quarkus REST, which only applications using it have. */
    private static final String REST_EXCEPTION_MAPPERS = "io.logto.resource.quarkus.internal.LogtoRestExceptionMappers";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void beans(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
               BuildProducer<AdditionalIndexedClassesBuildItem> indexed) {
        beans.produce(AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(LogtoAuthenticationMechanism.class, LogtoIdentityProvider.class, LogtoTokenProducer.class)
                .build());
        // Indexed so that ArC can make the core's final VerifiedToken proxyable for the request-scoped producer.
        indexed.produce(new AdditionalIndexedClassesBuildItem(VerifiedToken.class.getName()));
        if (capabilities.isPresent(Capability.REST)) {
            indexed.produce(new AdditionalIndexedClassesBuildItem(REST_EXCEPTION_MAPPERS));
            beans.produce(AdditionalBeanBuildItem.unremovableOf(REST_EXCEPTION_MAPPERS));
        }
    }

    @BuildStep
    List<AdditionalSecurityAnnotationBuildItem> securityAnnotations() {
        List<AdditionalSecurityAnnotationBuildItem> items = new ArrayList<>();
        RequirementScanner.ANNOTATIONS.keySet().forEach(name -> items.add(new AdditionalSecurityAnnotationBuildItem(name,
                AuthorizationType.SECURITY_CHECK)));
        return items;
    }

    @BuildStep
    LogtoRequirementsBuildItem findRequirements(CombinedIndexBuildItem combinedIndex) {
        return RequirementScanner.scan(combinedIndex.getIndex());
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void securityChecks(LogtoRecorder recorder, LogtoRequirementsBuildItem requirements,
                        BuildProducer<AdditionalSecurityCheckBuildItem> checks) {
        for (LogtoRequirementsBuildItem.Found found : requirements.requirements()) {
            EndpointRequirement requirement = found.requirement();
            checks.produce(new AdditionalSecurityCheckBuildItem(found.method(), recorder.requirementCheck(
                    requirement.kind(), requirement.organizationVariable().orElse(null), requirement.match(),
                    requirement.scopes().toArray(new String[0]), found.organizationArgument())));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem resourceServer(LogtoRecorder recorder, ShutdownContextBuildItem shutdown) {
        return SyntheticBeanBuildItem.configure(LogtoResourceServer.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.resourceServer(shutdown))
                .done();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    RouteBuildItem metadataRoute(LogtoRecorder recorder, LogtoRequirementsBuildItem requirements) {
        return RouteBuildItem.builder()
                .route(ProtectedResourceMetadata.PATH)
                .handler(recorder.metadataHandler(requirements.scopes()))
                .build();
    }
}
