package com.example.api;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureLogtoTestIssuer
class ApiControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aTokenWithTheScopeIsGranted() throws Exception {
        mvc.perform(get("/api/reports").with(logtoToken().subject("user-7").scopes("read:report")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sub").value("user-7"));
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() throws Exception {
        mvc.perform(get("/api/reports").with(logtoToken().scopes("write:report")))
                .andExpect(status().isForbidden());
    }

    @Test
    void noTokenOrAnExpiredOneIsUnauthorized() throws Exception {
        mvc.perform(get("/api/reports")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/reports").with(logtoToken().scopes("read:report")
                        .customize(token -> token.expired())))
                .andExpect(status().isUnauthorized());
    }
}
