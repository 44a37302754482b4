package io.logto.resource.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client, so that tests send exactly the headers they mean (repeated, oversized, odd). */
final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    TestHttp(URI base) {
        this.base = base;
    }

    /** Asserts that a response is exactly the core's challenge: status, {@code WWW-Authenticate} and body. */
    static void assertChallenge(HttpResponse<String> response, Challenge expected) {
        assertThat(response.statusCode()).isEqualTo(expected.status());
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(expected.wwwAuthenticate());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(Challenge.CONTENT_TYPE);
        assertThat(response.body()).isEqualTo(expected.body());
    }

    HttpResponse<String> get(String path, String... authorization) {
        return send("GET", path, authorization);
    }

    HttpResponse<String> post(String path, String... authorization) {
        return send("POST", path, authorization);
    }

    HttpResponse<String> send(String method, String path, String... authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (String value : authorization) {
            request.header("Authorization", value);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
