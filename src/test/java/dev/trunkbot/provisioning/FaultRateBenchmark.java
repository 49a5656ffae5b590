package dev.trunkbot.provisioning;

import dev.trunkbot.port.RetryPolicy;
import dev.trunkbot.sandbox.RequestLog;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten runs of the guide, one after another, while both emulators answer 20 % of every request with
 * 429 (Retry-After: 1) or 503 instead of serving it: how many complete without a resume (target 10
 * of 10), how long each took, and how many requests were refused. The production retry policy, real
 * waits. Prints figures; not part of the default run: {@code mvn -B test
 * -Dtest=FaultRateBenchmark}.
 */
class FaultRateBenchmark {
  private static final int RUNS = 10;
  private static final int DIDS_PER_RUN = 10;
  private static final double RATE = 0.20;

  @Test
  void printFigures() throws Exception {
    List<String> numbers = Numbers.from(12027500000L, RUNS * DIDS_PER_RUN);
    try (GuideRig rig = new GuideRig(numbers, RetryPolicy.standard())) {
      rig.sandbox.twilio().faults().onAll().errorRate(RATE, 429, 503);
      rig.sandbox.portsip().faults().onAll().errorRate(RATE, 429, 503);
      System.out.printf(
          "Guide runs with %.0f %% of every request answered 429 (Retry-After: 1) or 503,"
              + " %d DIDs each, standard retry policy (%d tries a request)%n",
          RATE * 100, DIDS_PER_RUN, RetryPolicy.standard().maxAttempts());
      System.out.printf(
          "%4s %-10s %9s %9s %9s %9s  %s%n",
          "run", "state", "wall ms", "requests", "refused", "429", "failed step");
      int completed = 0;
      for (int r = 0; r < RUNS; r++) {
        long first = 12027500000L + (long) r * DIDS_PER_RUN;
        long last = first + DIDS_PER_RUN - 1;
        TrunkSpec spec =
            GuideRig.systemTrunk(
                "rate-" + r,
                first + "-" + last,
                first + "-" + (first + 4),
                (first + 5) + "-" + last);
        int twilioBefore = rig.sandbox.twilio().requests().entries().size();
        int portsipBefore = rig.sandbox.portsip().requests().entries().size();
        long started = System.nanoTime();
        RunId run = rig.start(spec);
        RunView view = rig.runToEnd(run);
        long wall = Duration.ofNanos(System.nanoTime() - started).toMillis();
        List<RequestLog.Entry> mine = since(rig.sandbox.twilio().requests(), twilioBefore);
        mine.addAll(since(rig.sandbox.portsip().requests(), portsipBefore));
        long refused = mine.stream().filter(e -> e.status() == 429 || e.status() == 503).count();
        long limited = mine.stream().filter(e -> e.status() == 429).count();
        String failed =
            view.steps().stream()
                .filter(s -> s.state() == dev.trunkbot.workflow.StepState.FAILED)
                .map(s -> s.id() + ": " + s.lastError().orElse(""))
                .findFirst()
                .orElse("");
        if (view.state() == RunState.SUCCEEDED) {
          completed++;
        }
        System.out.printf(
            "%4d %-10s %9d %9d %9d %9d  %s%n",
            r + 1, view.state(), wall, mine.size(), refused, limited, failed);
      }
      System.out.printf("completed without resume: %d/%d%n", completed, RUNS);
    }
  }

  private static List<RequestLog.Entry> since(RequestLog log, int from) {
    List<RequestLog.Entry> all = log.entries();
    return new ArrayList<>(all.subList(from, all.size()));
  }
}
