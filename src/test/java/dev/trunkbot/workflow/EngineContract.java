package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Plumbing of the engine contract tests: a fresh database per test, engines closed after it. */
abstract class EngineContract {
  static final SecretKey KEY =
      SecretKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path tmp;
  HikariDataSource dataSource;
  final Recorder recorder = new Recorder();
  private final List<Engine> engines = new ArrayList<>();

  /** A JDBC URL of a new, empty database. */
  abstract String newDatabaseUrl(Path dir);

  @BeforeEach
  void openDatabase() {
    dataSource = TestDatabases.open(newDatabaseUrl(tmp));
  }

  @AfterEach
  void closeAll() {
    engines.forEach(Engine::close);
    dataSource.close();
  }

  Engine engine(WorkflowDefinition def) {
    return engine(def, b -> {});
  }

  Engine engine(WorkflowDefinition def, Consumer<EngineBuilder> tweak) {
    EngineBuilder b =
        Engine.builder().dataSource(dataSource).secretKey(KEY).register(def).listener(recorder);
    tweak.accept(b);
    Engine e = b.build();
    engines.add(e);
    e.start();
    return e;
  }

  RunView settled(Engine engine, RunId run) throws InterruptedException {
    RunView view =
        engine
            .awaitSettled(run, WAIT)
            .orElseThrow(() -> new AssertionError("run " + run + " did not settle"));
    return view;
  }

  RunId start(Engine engine, String workflow) {
    return engine.startRun(workflow, "{}", Map.of(), "alice");
  }

  void awaitFinishedEvent(RunId run) {
    await().atMost(WAIT).until(() -> recorder.finished(run));
  }

  static RetryPolicy fastRetry(int attempts) {
    return new RetryPolicy(attempts, Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 0.2);
  }

  static void assertSucceeded(RunView view) {
    assertThat(view.state()).as("run state; steps %s", view.steps()).isEqualTo(RunState.SUCCEEDED);
  }
}
