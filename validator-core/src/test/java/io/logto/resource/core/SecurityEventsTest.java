package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Security events as an operator reads them: captured from slf4j-simple, which writes to System.err. */
class SecurityEventsTest {

    private final JwksServer server = new JwksServer().serving(TestKeys.ES384);

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> eventsWhile(LogtoConfig config, Consumer<LogtoResourceServer> requests) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try (LogtoResourceServer logto = LogtoResourceServer.create(config)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            requests.accept(logto);
        } finally {
            System.setErr(original);
        }
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains(SecurityEvents.LOGGER_NAME)).toList();
    }

    @Test
    void namesTheReasonKindClientAndSubjectOfARefusalButNeverTheToken() {
        String otherAudience = TestKeys.sign(TestKeys.ES384, server.claims().audience("https://other.example.com").build());
        String forged = TestKeys.sign(TestKeys.generateEc(com.nimbusds.jose.jwk.Curve.P_384),
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES384)
                        .type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).keyID(TestKeys.ES384.getKeyID()).build(),
                server.claims().build());

        List<String> events = eventsWhile(server.config().build(), logto -> {
            logto.authenticate("Bearer " + otherAudience);
            logto.authenticate("Bearer " + forged);
        });

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("DEBUG").contains("Logto token refused: reason=wrong_audience kind=- "
                + "client_id=app-1 sub=user-1").doesNotContain(otherAudience).doesNotContain("other.example.com");
        assertThat(events.get(1)).contains("reason=invalid_signature kind=- client_id=- sub=-")
                .doesNotContain(forged);
    }

    @Test
    void logsAtTheChosenLevelOrNotAtAll() {
        String expired = TestKeys.sign(TestKeys.ES384, server.claims()
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 3_600_000)).build());

        assertThat(eventsWhile(server.config().securityEventLevel(SecurityEventLevel.WARN).build(),
                logto -> logto.authenticate("Bearer " + expired)))
                .singleElement().asString().contains("WARN").contains("reason=expired");
        assertThat(eventsWhile(server.config().property("security-event-level", "off").build(),
                logto -> logto.authenticate("Bearer " + expired))).isEmpty();
    }

    @Test
    void aFloodOfBadTokensWritesAtMostTheBudgetPerSecondAndCountsTheRest() throws InterruptedException {
        List<String> events = eventsWhile(server.config().securityEventsPerSecond(3).build(), logto -> {
            for (int i = 0; i < 200; i++) {
                logto.authenticate("Bearer not.a.token" + i);
            }
            try {
                Thread.sleep(1100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            logto.authenticate("Bearer not.a.token");
        });

        // 200 refusals fall into one second, or two when they straddle a boundary; then one more after a pause.
        assertThat(events.size()).isBetween(4, 7);
        assertThat(events.get(events.size() - 1)).containsPattern("\\(\\d+ refusals not logged: more than 3 per second\\)");
    }

    @Test
    void cleansWhatItWritesToOnePrintableLine() {
        assertThat(SecurityEvents.clean("user\n2\u001b[31m")).isEqualTo("user?2?[31m");
        assertThat(SecurityEvents.clean(null)).isEqualTo("-");
        assertThat(SecurityEvents.clean("x".repeat(300))).hasSize(103).endsWith("...");
    }
}
