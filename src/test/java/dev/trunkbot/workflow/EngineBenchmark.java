package dev.trunkbot.workflow;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the engine's own cost per step (no external calls) on the embedded database, and how long
 * a restarted process takes to move an interrupted run again. Not in the default run: {@code mvn -B
 * test -Dtest=EngineBenchmark}.
 */
class EngineBenchmark {
  private static final int STEPS = 5;
  private static final int RUNS = 200;

  @TempDir Path dir;

  @Test
  void printFigures() throws Exception {
    WorkflowDefinition.Builder chain = WorkflowDefinition.builder("noop-chain", 1);
    for (int i = 0; i < STEPS; i++) {
      Step.Builder step = Step.builder("s" + i, "step " + i).execute(ctx -> StepResult.done());
      chain.step((i == 0 ? step : step.dependsOn("s" + (i - 1))).build());
    }
    try (HikariDataSource ds = TestDatabases.open(TestDatabases.h2Url(dir.resolve("db")))) {
      Engine engine =
          Engine.builder()
              .dataSource(ds)
              .secretKey(EngineContract.KEY)
              .register(chain.build())
              .build();
      engine.start();
      try {
        for (int i = 0; i < 20; i++) {
          run(engine);
        }
        double[] perStep = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
          perStep[i] = run(engine) / 1e6 / STEPS;
        }
        Arrays.sort(perStep);
        System.out.printf(
            "Engine overhead per step, embedded H2, %d runs of %d chained no-op steps:"
                + " median %.2f ms, p95 %.2f ms, max %.2f ms%n",
            RUNS, STEPS, perStep[RUNS / 2], perStep[(int) (RUNS * 0.95)], perStep[RUNS - 1]);
      } finally {
        engine.close();
      }
    }
    for (String db : new String[] {"h2", "postgresql"}) {
      String url =
          db.equals("h2")
              ? TestDatabases.h2Url(dir.resolve("crash-db"))
              : TestDatabases.newPostgresUrl();
      CrashHarness.Outcome outcome = CrashHarness.crashAndResume(url, dir.resolve("crash-" + db));
      String resumed =
          outcome.resumedOutput().stream()
              .filter(l -> l.startsWith("RESUMED_MS"))
              .findFirst()
              .orElse("RESUMED_MS (not seen)");
      System.out.printf(
          "Restart after kill -9 (%s): the interrupted step runs again %s ms after the new engine starts%n",
          db, resumed.substring("RESUMED_MS ".length()));
    }
  }

  /** Nanoseconds from starting a run to seeing it SUCCEEDED. */
  private static long run(Engine engine) throws InterruptedException {
    long start = System.nanoTime();
    RunId id = engine.startRun("noop-chain", "{}", Map.of(), "bench");
    RunView view = engine.awaitSettled(id, Duration.ofSeconds(30)).orElseThrow();
    if (view.state() != RunState.SUCCEEDED) {
      throw new AssertionError("benchmark run ended " + view.state());
    }
    return System.nanoTime() - start;
  }
}
