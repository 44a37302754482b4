package io.logto.resource.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link LogtoTestIssuer} per test class and stops it afterwards.
 *
 * <p>Declaratively, with the issuer injected as a parameter of a constructor, lifecycle method or test:
 * <pre>{@code
 * @ExtendWith(LogtoTestIssuerExtension.class)
 * class ReportsTest {
 *     @Test
 *     void readsReports(LogtoTestIssuer logto) { ... logto.globalToken(AUDIENCE).scopes("read:report").sign() ... }
 * }
 * }</pre>
 * or programmatically, from a static field:
 * <pre>{@code
 * @RegisterExtension
 * static LogtoTestIssuerExtension logto = new LogtoTestIssuerExtension();
 * ... logto.issuer().issuer() ...
 * }</pre>
 */
public final class LogtoTestIssuerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LogtoTestIssuerExtension.class);
    private static final String KEY = "issuer";

    private volatile LogtoTestIssuer issuer;

    /** Creates the extension; the issuer starts before all tests of the class. */
    public LogtoTestIssuerExtension() {
        // state is created in beforeAll
    }

    /**
     * The running issuer of the current test class.
     *
     * @return the issuer
     * @throws IllegalStateException when called before the test class started (e.g. from a non-static field)
     */
    public LogtoTestIssuer issuer() {
        LogtoTestIssuer current = issuer;
        if (current == null) {
            throw new IllegalStateException("the Logto test issuer starts before all tests; register the extension "
                    + "on a static field and call issuer() from tests or lifecycle methods");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LogtoTestIssuer started = LogtoTestIssuer.start();
        context.getStore(NAMESPACE).put(KEY, started);
        issuer = started;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LogtoTestIssuer started = context.getStore(NAMESPACE).remove(KEY, LogtoTestIssuer.class);
        if (started != null) {
            started.close();
        }
        issuer = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LogtoTestIssuer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext current = extensionContext;
        while (current != null) {
            LogtoTestIssuer found = current.getStore(NAMESPACE).get(KEY, LogtoTestIssuer.class);
            if (found != null) {
                return found;
            }
            current = current.getParent().orElse(null);
        }
        return issuer();
    }
}
