package dev.trunkbot.workflow;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM for the crash test and the benchmark. Workflow "crashy": a -> b -> c. Every
 * execution appends to executions.log; every step's side effect is a file effects/run-step created
 * once (idempotent, keyed by run+step).
 *
 * <ul>
 *   <li>{@code start <dbUrl> <dir>}: starts a run, prints "RUN id"; step b applies its effect,
 *       touches b-started and blocks forever (the parent kills this JVM with kill -9).
 *   <li>{@code resume <dbUrl> <dir> <runId>}: starts an engine, prints "RESUMED_MS n" when b starts
 *       again and "STATE s" when the run settled, then exits.
 * </ul>
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      // the scheduler's threads would keep a failed child alive, and the parent would wait on its
      // output forever
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    String mode = args[0];
    String url = args[1];
    Path dir = Path.of(args[2]);
    Files.createDirectories(dir.resolve("effects"));
    boolean blockInB = mode.equals("start");
    var ds = TestDatabases.open(url);
    CountDownLatch bStartedAgain = new CountDownLatch(1);
    Engine engine =
        Engine.builder()
            .dataSource(ds)
            .secretKey(SecretKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[32])))
            .register(definition(dir, blockInB))
            .listener(
                e -> {
                  if (e instanceof WorkflowEvent.StepStarted s
                      && s.stepId().equals("b")
                      && s.attempt() > 1) {
                    bStartedAgain.countDown();
                  }
                })
            .build();
    long t0 = System.nanoTime();
    engine.start();
    if (mode.equals("start")) {
      RunId run = engine.startRun("crashy", "{}", Map.of(), "alice");
      System.out.println("RUN " + run.value());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
    RunId run = new RunId(args[3]);
    if (bStartedAgain.await(60, TimeUnit.SECONDS)) {
      System.out.println("RESUMED_MS " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }
    RunView view = engine.awaitSettled(run, Duration.ofSeconds(60)).orElseThrow();
    System.out.println("STATE " + view.state());
    System.out.flush();
    engine.close();
    ds.close();
    System.exit(0);
  }

  static WorkflowDefinition definition(Path dir, boolean blockInB) {
    return WorkflowDefinition.builder("crashy", 1)
        .step(Step.builder("a", "A").execute(ctx -> effect(dir, ctx)).build())
        .step(
            Step.builder("b", "B")
                .dependsOn("a")
                .execute(
                    ctx -> {
                      StepResult r = effect(dir, ctx);
                      if (blockInB) {
                        Files.writeString(dir.resolve("b-started"), "x");
                        Thread.sleep(Long.MAX_VALUE);
                      }
                      return r;
                    })
                .build())
        .step(Step.builder("c", "C").dependsOn("b").execute(ctx -> effect(dir, ctx)).build())
        .build();
  }

  private static StepResult effect(Path dir, StepContext ctx) throws IOException {
    String key = ctx.runId().value() + "-" + ctx.stepId();
    Files.writeString(
        dir.resolve("executions.log"),
        key + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    try {
      Files.writeString(
          dir.resolve("effects").resolve(key), "applied", StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException alreadyApplied) {
      // idempotent: the effect of this run+step exists already
    }
    return StepResult.done();
  }
}
