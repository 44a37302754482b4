package com.example.api;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.RequireScopes;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api")
class ApiController {

    @GetMapping("/reports")
    @RequireScopes("read:report")
    Mono<Map<String, Object>> reports(VerifiedToken token) {
        return Mono.just(Map.of("sub", token.subject()));
    }
}
