package io.logto.resource.servlet;

import io.logto.resource.test.LogtoTestIssuer;

/** The contract with the filter configured from init parameters, as {@code web.xml} does. */
class LogtoFilterInitParametersTest extends LogtoFilterContractTest {

    @Override
    JettyApp startApp(LogtoTestIssuer issuer) {
        return JettyApp.startWithInitParameters(initParameters(issuer));
    }
}
