package io.logto.resource.conformance;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * On the first failing test or dynamic test of a sample, prints the tail of that sample's output, so that a
 * CI log shows why the sample answered as it did (its full output stays in the log directory).
 */
final class PrintSampleOutputOnFailure implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        proceed(invocation, extensionContext);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext extensionContext) throws Throwable {
        proceed(invocation, extensionContext);
    }

    private static void proceed(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            SampleProcess sample = sampleOf(context);
            if (sample != null) {
                sample.printOutputOnce();
            }
            throw failure;
        }
    }

    /** The sample of the innermost test instance that runs one. */
    private static SampleProcess sampleOf(ExtensionContext context) {
        ExtensionContext withInstances = context;
        while (withInstances != null && withInstances.getTestInstances().isEmpty()) {
            withInstances = withInstances.getParent().orElse(null); // a dynamic test's instances are its factory's
        }
        if (withInstances == null) {
            return null;
        }
        List<Object> instances = new ArrayList<>(withInstances.getRequiredTestInstances().getAllInstances());
        Collections.reverse(instances);
        for (Object instance : instances) {
            SampleProcess sample = null;
            if (instance instanceof SampleConformanceSuite.KeyServerFaults) {
                sample = ((SampleConformanceSuite.KeyServerFaults) instance).runningSample();
            } else if (instance instanceof ConformanceSuite) {
                sample = ((ConformanceSuite) instance).runningSample();
            }
            if (sample != null) {
                return sample;
            }
        }
        return null;
    }
}
