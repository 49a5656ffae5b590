package dev.trunkbot.portsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.sandbox.PortSipEmulator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Prints how long client operations take against the loopback emulator (figures only, nothing timed
 * is asserted).
 */
class PortSipRoundTripIT {

  @Test
  void printsRoundTripFigures() throws Exception {
    try (PortSipEmulator pbx =
            PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of("acme"));
        PortSipClient client =
            PortSipClient.create(
                PortSipConfig.of(
                    pbx.baseUri().toString(),
                    PortSipEmulator.SANDBOX_USERNAME,
                    PortSipEmulator.SANDBOX_PASSWORD,
                    Optional.empty()))) {
      RegisterTrunk spec =
          RegisterTrunk.of("bench", "bench.pstn.twilio.com", Transport.UDP, "u", "p", 10);
      String id = client.ensureRegisterTrunk(spec).value();
      client.ensureAssignee(id, "acme", "12027594810", 1);

      print("status (1 GET)", 500, () -> client.status(id));
      print("ensureRegisterTrunk, found (2 GETs)", 300, () -> client.ensureRegisterTrunk(spec));
      print(
          "ensureAssignee, found (2 GETs)",
          300,
          () -> client.ensureAssignee(id, "acme", "12027594810", 1));
      assertThat(pbx.requests().count("POST", "providers.update")).isZero();
    }
  }

  private static void print(String what, int n, Supplier<?> op) {
    for (int i = 0; i < 50; i++) {
      op.get();
    }
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      op.get();
      micros[i] = (System.nanoTime() - t) / 1000;
    }
    Arrays.sort(micros);
    System.out.printf(
        "PortSIP %-40s n=%d p50=%d us p95=%d us max=%d us%n",
        what, n, micros[n / 2], micros[(int) (n * 0.95)], micros[n - 1]);
  }
}
