package io.logto.resource.samples.spring;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

// tag::testkit[]
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureLogtoTestIssuer
class ReadmeTestKitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void membersOfTheOrganizationMayListItsMembers() throws Exception {
        mvc.perform(get("/api/organizations/org_42/members").with(logtoToken().organization("org_42").scopes("read:member")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/organizations/org_42/members").with(logtoToken().organization("org_7").scopes("read:member")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/organizations/org_42/members"))
                .andExpect(status().isUnauthorized());
    }
}
// end::testkit[]
