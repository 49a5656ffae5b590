package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.testing.TwilioCreates;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Twilio acted on a create but its answer was lost (the connection closed) or was a 503: the port
 * finds what it made before any retry, counts it as created, and never sends the create twice.
 */
class LostAnswerTest {
  private static final TwilioEmulator.Inventory ONE_OF_EACH =
      new TwilioEmulator.Inventory(1, 2, 1, 1, 1, 1, 1, 1, 2, 3);

  static Stream<Arguments> creates() {
    List<Arguments> out = new ArrayList<>();
    for (String endpoint : TwilioCreates.ENDPOINTS) {
      out.add(Arguments.of(endpoint, -1));
      out.add(Arguments.of(endpoint, 503));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} answered {1} after acting")
  @MethodSource("creates")
  void aCreateWhoseAnswerIsLostIsFoundAndCountedAsCreated(String endpoint, int status)
      throws Exception {
    try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
      emulator.seedPhoneNumbers("12027594810", "12027594811", "12027594812");
      emulator.faults().on(endpoint).failNthAfterServing(1, status);

      List<Ensured<String>> steps = TwilioHalf.run(TwilioHalf.client(emulator));

      assertThat(steps).allMatch(Ensured::wasCreated);
      assertThat(emulator.inventory()).isEqualTo(ONE_OF_EACH);
      long sent = emulator.requests().count("POST", endpoint);
      assertThat(sent)
          .as("the create was never sent again blindly")
          .isEqualTo(endpoint.matches("trunkPhoneNumbers.create|originationUrls.create") ? 2 : 1);
    }
  }
}
