package dev.trunkbot.twilio;

import dev.trunkbot.sandbox.TwilioEmulator;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the Twilio half of the guide takes through twilio-java against the emulator on
 * loopback. Not part of the default run: {@code mvn -B test -Dtest=TwilioHalfBenchmark}.
 */
class TwilioHalfBenchmark {
  @Test
  void printFigures() throws Exception {
    int rounds = 30;
    double[] first = new double[rounds];
    double[] rerun = new double[rounds];
    long requestsFirst = 0;
    long requestsRerun = 0;
    for (int i = 0; i < rounds; i++) {
      try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
        emulator.seedPhoneNumbers("12027594810", "12027594811");
        SdkTwilioTrunking twilio = TwilioHalf.client(emulator, new ArrayList<>(), 5, 50);
        long t0 = System.nanoTime();
        TwilioHalf.run(twilio);
        long t1 = System.nanoTime();
        requestsFirst = emulator.requests().entries().size();
        emulator.requests().clear();
        TwilioHalf.run(twilio);
        long t2 = System.nanoTime();
        requestsRerun = emulator.requests().entries().size();
        first[i] = (t1 - t0) / 1e6;
        rerun[i] = (t2 - t1) / 1e6;
      }
    }
    Arrays.sort(first);
    Arrays.sort(rerun);
    System.out.printf(
        "Twilio half (steps 1-7, 2 DIDs) via twilio-java against the emulator, %d rounds%n",
        rounds);
    System.out.printf(
        "  first run (creates) %3d requests  median %6.1f ms  max %6.1f ms%n",
        requestsFirst, first[rounds / 2], first[rounds - 1]);
    System.out.printf(
        "  rerun (finds)       %3d requests  median %6.1f ms  max %6.1f ms%n",
        requestsRerun, rerun[rounds / 2], rerun[rounds - 1]);
  }
}
