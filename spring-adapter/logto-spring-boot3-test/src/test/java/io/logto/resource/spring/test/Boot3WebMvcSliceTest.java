package io.logto.resource.spring.test;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.logto.resource.core.LogtoResourceServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On Spring Boot 3.5, {@code @WebMvcTest} slices include the Logto auto-configuration (through this module's
 * Boot 3 MockMvc imports file), and the application's audience is kept.
 */
@WebMvcTest(controllers = TestApi.Reports.class, properties = "logto.audience=https://slice.example.com")
@AutoConfigureLogtoTestIssuer
class Boot3WebMvcSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoResourceServer logto;

    @Test
    void sliceEnforcesTheAnnotationsWithTheApplicationsAudience() throws Exception {
        assertThat(logto.config().audiences()).containsExactly("https://slice.example.com");
        assertThat(mvc.perform(get("/api/reports").with(logtoToken().scopes("read:report"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/reports").with(logtoToken().scopes("write:report"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/reports")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
