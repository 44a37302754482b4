package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * On Spring Boot 3.5 the operations auto-configuration registers the {@code logto} health component as a
 * Boot 3 Actuator {@link HealthIndicator} (the version-specific {@link LogtoHealthIndicator}): DOWN before a
 * key set was loaded, UP after; and nothing without Actuator's health API.
 */
class Boot3HealthTest {

    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, LogtoOperationsAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class))
            .withPropertyValues("logto.issuer=" + ISSUER.issuer(), "logto.audience=https://api.example.com");

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void theLogtoComponentIsABoot3HealthIndicatorFollowingTheCoresStatus() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            HealthIndicator indicator = context.getBean("logtoHealthIndicator", HealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            String token = ISSUER.globalToken("https://api.example.com").sign();
            assertThat(context.getBean(io.logto.resource.core.LogtoResourceServer.class)
                    .authenticate("Bearer " + token).token()).isPresent();
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).isNotEmpty();
        });
    }

    @Test
    void withoutActuatorsHealthApiThereIsNoIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LogtoHealthIndicator.class));
    }
}
