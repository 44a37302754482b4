/**
 * Spring Boot auto-configuration and Spring Security integration for Logto access tokens.
 *
 * <p>Add the starter, set {@code logto.issuer} and {@code logto.audience}, and annotate controller methods
 * with {@link io.logto.resource.spring.RequireScopes}, {@link io.logto.resource.spring.RequireOrganizationScopes}
 * or {@link io.logto.resource.spring.RequireOrganizationApiScopes}. {@link io.logto.resource.spring.LogtoAutoConfiguration}
 * creates the {@link io.logto.resource.core.LogtoResourceServer} and a default security filter chain;
 * {@link io.logto.resource.spring.LogtoConfigurer} adds the same behaviour to a chain of your own. All
 * verification, decisions and HTTP answers come from {@code validator-core}; this package only translates.
 */
package io.logto.resource.spring;
