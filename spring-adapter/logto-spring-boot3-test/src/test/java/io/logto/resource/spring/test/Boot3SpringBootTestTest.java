package io.logto.resource.spring.test;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.logto.resource.test.TokenBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code @SpringBootTest} on Spring Boot 3.5 with the test issuer: each token kind against its own route. */
@SpringBootTest(classes = TestApi.class)
@AutoConfigureMockMvc
@AutoConfigureLogtoTestIssuer
class Boot3SpringBootTestTest {

    @Autowired
    MockMvc mvc;

    @Test
    void eachTokenKindReachesItsRouteAndOnlyItsRoute() throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        assertThat(status("/api/reports", logtoToken().subject("u-1").scopes("read:report"))).isEqualTo(200);
        assertThat(status("/api/organizations/org_1/members", logtoToken().organization("org_1").scopes("read:member")))
                .isEqualTo(200);
        assertThat(status("/api/organizations/org_1/projects",
                logtoToken().organizationApi("org_1").scopes("read:project"))).isEqualTo(200);
        assertThat(status("/api/organizations/org_1/members", logtoToken().organization("org_2").scopes("read:member")))
                .isEqualTo(403);
        assertThat(status("/api/reports", logtoToken().scopes("read:report").customize(TokenBuilder::expired)))
                .isEqualTo(401);
    }

    private int status(String path, RequestPostProcessor token) throws Exception {
        return mvc.perform(get(path).with(token)).andReturn().getResponse().getStatus();
    }
}
