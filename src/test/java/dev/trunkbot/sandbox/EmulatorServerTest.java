package dev.trunkbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {
  private EmulatorServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    server =
        EmulatorServer.builder("test")
            .route(
                "echo",
                "POST",
                "/things/(?<id>[a-z]+)",
                call ->
                    Reply.json(
                        201,
                        Map.of(
                            "id", call.pathParam("id"), "name", call.formParam("Name").orElse(""))))
            .route(
                "boom",
                "GET",
                "/boom",
                call -> {
                  throw new IllegalStateException("handler bug");
                })
            .unmatched(call -> Reply.json(404, Map.of("code", 20404)))
            .injectedReply(status -> Reply.json(status, Map.of("injected", status)))
            .start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void routesByMethodAndPathAndLogsWithSecretsMasked() throws Exception {
    HttpResponse<String> r = post("/things/abc", "Name=x&Password=Sup3rSecret1&PageToken=p1");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"id\":\"abc\"").contains("\"name\":\"x\"");
    assertThat(server.requests().entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.endpoint()).isEqualTo("echo");
              assertThat(e.status()).isEqualTo(201);
              assertThat(e.params())
                  .containsEntry("Name", "x")
                  .containsEntry("Password", "****")
                  .containsEntry("PageToken", "p1");
              assertThat(e.toString()).doesNotContain("Sup3rSecret1");
            });
  }

  @Test
  void unmatchedAndFailingHandlersAnswerInTheVendorsShape() throws Exception {
    assertThat(post("/nothing", "").statusCode()).isEqualTo(404);
    HttpResponse<String> boom =
        http.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/boom")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(boom.statusCode()).isEqualTo(500);
    assertThat(boom.body()).contains("\"injected\":500");
    assertThat(server.requests().count("POST", "unmatched")).isEqualTo(1);
  }

  @Test
  void failNthFailsExactlyThatCallOnce() throws Exception {
    server.faults().on("echo").failNth(2, 503);
    assertThat(post("/things/a", "").statusCode()).isEqualTo(201);
    assertThat(post("/things/a", "").statusCode()).isEqualTo(503);
    assertThat(post("/things/a", "").statusCode()).isEqualTo(201);
    assertThat(server.requests().entries())
        .extracting(RequestLog.Entry::status)
        .containsExactly(201, 503, 201);
  }

  @Test
  void errorRateOfOneFailsEveryCallAndClearRestores() throws Exception {
    server.faults().onAll().errorRate(1.0, 429);
    assertThat(post("/things/a", "").statusCode()).isEqualTo(429);
    server.faults().clear();
    assertThat(post("/things/a", "").statusCode()).isEqualTo(201);
  }

  @Test
  void droppedConnectionsReachTheClientAsIoErrors() {
    server.faults().on("echo").dropRate(1.0);
    assertThatThrownBy(() -> post("/things/a", "")).isInstanceOf(IOException.class);
    assertThat(server.requests().entries())
        .singleElement()
        .extracting(RequestLog.Entry::status)
        .isEqualTo(-1);
  }

  @Test
  void latencyIsAddedBeforeTheAnswer() throws Exception {
    server.faults().on("echo").latency(Duration.ofMillis(50), Duration.ZERO);
    post("/things/a", "");
    assertThat(server.requests().entries().get(0).duration())
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @Test
  void refusesNonsenseRules() {
    assertThatThrownBy(() -> server.faults().on("echo").errorRate(2, 503))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> server.faults().on("echo").errorRate(0.5, 404))
        .hasMessageContaining("429, 500, 502 or 503");
    assertThatThrownBy(() -> server.faults().on("echo").failNth(0, 503))
        .hasMessageContaining("counts from 1");
    assertThat(URI.create(server.baseUri().toString()).getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void countsTheRequestsItServesAtOnceAndTheMostAtOnce() throws Exception {
    server.faults().on("echo").latency(Duration.ofMillis(300), Duration.ZERO);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> post("/things/a", "Name=x").statusCode()));
      }
      for (var a : answers) {
        assertThat(a.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(server.inFlight().now()).isZero();
    assertThat(server.inFlight().most()).as("six requests of 300 ms sent at once").isBetween(2, 6);
    post("/things/b", "Name=y");
    server.inFlight().reset();
    assertThat(server.inFlight().most()).isZero();
    post("/things/c", "Name=z");
    assertThat(server.inFlight().most()).isEqualTo(1);
  }
}
