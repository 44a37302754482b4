package io.logto.resource.spring.test.internal;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Creates a {@link LogtoTestIssuerContextCustomizer} for test classes annotated with {@link AutoConfigureLogtoTestIssuer}. */
public final class LogtoTestIssuerContextCustomizerFactory implements ContextCustomizerFactory {

    /** A customizer for a test class annotated with {@link AutoConfigureLogtoTestIssuer}, else null. */
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configurations) {
        AutoConfigureLogtoTestIssuer annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureLogtoTestIssuer.class);
        return annotation == null ? null : new LogtoTestIssuerContextCustomizer(annotation.audience());
    }
}
