package dev.trunkbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TwilioEmulatorConcurrencyTest {
  private static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN)
                      .getBytes(StandardCharsets.UTF_8));

  @Test
  void concurrentCreatesOfOneDomainYieldExactlyOneTrunkAndOthers21248() throws Exception {
    try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
      HttpClient http = HttpClient.newHttpClient();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String domain = i % 2 == 0 ? "same.pstn.twilio.com" : "own" + i + ".pstn.twilio.com";
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  HttpRequest create =
                      HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/v1/Trunks"))
                          .header("Authorization", AUTH)
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(HttpRequest.BodyPublishers.ofString("DomainName=" + domain))
                          .build();
                  return http.send(create, HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) {
        statuses.add(f.get());
      }
      pool.shutdown();
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(9);
      assertThat(statuses).filteredOn(s -> s == 400).hasSize(7);
      assertThat(emulator.inventory().trunks()).isEqualTo(9);
    }
  }
}
