package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.LogtoListener;
import io.logto.resource.quarkus.internal.LogtoMetricsProducer;
import io.logto.resource.quarkus.internal.LogtoReadinessCheck;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Operations, each registered only when the application has the Quarkus extension for it: the {@code logto}
 * readiness check with quarkus-smallrye-health, the Micrometer binder with quarkus-micrometer. The application's
 * own {@link LogtoListener} beans are kept even when nothing injects them, so that the resource server hears them.
 */
class LogtoOperationsProcessor {

    @BuildStep
    void operations(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
                    BuildProducer<UnremovableBeanBuildItem> unremovable) {
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(LogtoListener.class));
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(LogtoReadinessCheck.class));
        }
        if (capabilities.isPresent(Capability.METRICS) && micrometerPresent()) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(LogtoMetricsProducer.class));
        }
    }

    /** Quarkus Micrometer provides the metrics capability; so did the retired SmallRye Metrics, hence the class check. */
    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
