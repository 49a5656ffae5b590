package dev.trunkbot.portsip;

import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * An emulator on loopback and a client of it, sharing one hand-moved clock; retry waits advance the
 * clock.
 */
abstract class PortSipEmulatorFixture {
  static final RegisterTrunk TRUNK =
      RegisterTrunk.of(
          "Twilio-Reg-Trunk",
          "portsip-pbx.pstn.twilio.com",
          Transport.UDP,
          "portsip",
          "Cred-Secret-2026",
          30);

  final TestClock clock = TestClock.at("2026-11-28T12:00:00Z");
  final List<Duration> sleeps = new ArrayList<>();
  PortSipEmulator pbx;
  PortSipClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (pbx != null) {
      pbx.close();
    }
  }

  PortSipClient start(PortSipEmulator.Builder emulator, Optional<String> domain)
      throws IOException {
    pbx = emulator.clock(clock).start(0);
    client = client(domain);
    return client;
  }

  PortSipClient client(Optional<String> domain) {
    PortSipConfig config =
        PortSipConfig.of(
            pbx.baseUri().toString(),
            PortSipEmulator.SANDBOX_USERNAME,
            PortSipEmulator.SANDBOX_PASSWORD,
            domain);
    return PortSipClient.builder(config)
        .clock(clock)
        .jitter(() -> 0.5)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .build();
  }

  long count(String method, String endpoint) {
    return pbx.requests().count(method, endpoint);
  }
}
