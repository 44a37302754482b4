package io.logto.resource.spring.internal;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a startup failure caused by invalid {@code logto.*} settings into Spring Boot's short "APPLICATION
 * FAILED TO START" report, carrying the core's message (which names the property to fix) unchanged.
 */
public final class LogtoConfigurationFailureAnalyzer implements FailureAnalyzer {

    /** The name of the auto-configured resource server bean. */
    static final String BEAN_NAME = "logtoResourceServer";

    /** An analysis when the failure is an {@code IllegalArgumentException} from creating the resource server, else null. */
    @Override
    public FailureAnalysis analyze(Throwable failure) {
        boolean inLogtoBean = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BeanCreationException creation && BEAN_NAME.equals(creation.getBeanName())) {
                inLogtoBean = true;
            }
            if (inLogtoBean && cause instanceof IllegalArgumentException invalid) {
                return new FailureAnalysis("The Logto configuration is invalid: " + invalid.getMessage(),
                        "Fix the logto.* property named above (application.properties or application.yml, or "
                                + "environment variables such as LOGTO_ISSUER and LOGTO_AUDIENCE). The options and "
                                + "their defaults are described in validator-core's README.", invalid);
            }
        }
        return null;
    }
}
