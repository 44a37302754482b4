package io.logto.resource.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/** Dynamic tests whose failure messages start with the case's name, so a build log says which case failed. */
final class Cases {

    private Cases() {
    }

    /** A dynamic test named {@code name}; an assertion failure is rethrown with the name in front. */
    static DynamicTest test(String name, Executable body) {
        return DynamicTest.dynamicTest(name, () -> {
            try {
                body.execute();
            } catch (AssertionError e) {
                AssertionError named = new AssertionError("[" + name + "] " + e.getMessage(), e.getCause());
                named.setStackTrace(e.getStackTrace());
                throw named;
            }
        });
    }
}
