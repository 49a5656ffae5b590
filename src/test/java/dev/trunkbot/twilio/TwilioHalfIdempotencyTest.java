package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.sandbox.RequestLog;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwilioHalfIdempotencyTest {
  private static final TwilioEmulator.Inventory ONE_OF_EACH =
      new TwilioEmulator.Inventory(1, 2, 1, 1, 1, 1, 1, 1, 2, 3);

  @Test
  void secondRunCreatesNothing() throws Exception {
    try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
      emulator.seedPhoneNumbers("12027594810", "12027594811", "12027594812");
      SdkTwilioTrunking twilio = TwilioHalf.client(emulator);

      List<Ensured<String>> first = TwilioHalf.run(twilio);
      assertThat(first).allMatch(Ensured::wasCreated);
      emulator.requests().clear();

      List<Ensured<String>> second = TwilioHalf.run(twilio);

      assertThat(emulator.requests().count(e -> e.endpoint().endsWith(".create"))).isZero();
      assertThat(second).noneMatch(Ensured::wasCreated);
      assertThat(emulator.inventory()).isEqualTo(ONE_OF_EACH);
    }
  }

  @Test
  void afterAFailureAtAnySingleCallARerunLeavesExactlyOneOfEach() throws Exception {
    int calls;
    try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
      emulator.seedPhoneNumbers("12027594810", "12027594811", "12027594812");
      TwilioHalf.run(TwilioHalf.client(emulator));
      calls = emulator.requests().entries().size();
    }
    assertThat(calls).isGreaterThan(15);
    for (int n = 1; n <= calls; n++) {
      for (int status : new int[] {503, -1}) {
        try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
          emulator.seedPhoneNumbers("12027594810", "12027594811", "12027594812");
          SdkTwilioTrunking noRetry = TwilioHalf.client(emulator, new ArrayList<>(), 1, 50);
          emulator.faults().onAll().failNth(n, status);

          assertThatThrownBy(() -> TwilioHalf.run(noRetry)).isInstanceOf(TwilioFailure.class);
          TwilioHalf.run(noRetry);

          assertThat(emulator.inventory())
              .as("failure %d at call %d", status, n)
              .isEqualTo(ONE_OF_EACH);
          RequestLog.Entry failed = emulator.requests().entries().get(n - 1);
          assertThat(failed.status()).isEqualTo(status);
        }
      }
    }
  }
}
