package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the engine's JVM mid-step; a new JVM finishes the run with each step's effect applied
 * once.
 */
class CrashRecoveryIT {
  @TempDir Path dir;

  @Test
  void killedMidStepOnH2ThenRestartedFinishesWithEachEffectOnce() throws Exception {
    assertRecovered(TestDatabases.h2Url(dir.resolve("db")));
  }

  @Test
  void killedMidStepOnPostgresThenRestartedFinishesWithEachEffectOnce() throws Exception {
    assertRecovered(TestDatabases.newPostgresUrl());
  }

  private void assertRecovered(String url) throws Exception {
    Path work = dir.resolve("work");
    var outcome = CrashHarness.crashAndResume(url, work);
    assertThat(outcome.resumedOutput()).contains("STATE SUCCEEDED");
    outcome.resumedOutput().stream()
        .filter(l -> l.startsWith("RESUMED_MS"))
        .forEach(
            l ->
                System.out.println(
                    "restart to the interrupted step running again ("
                        + url.substring(0, url.indexOf(':', 5))
                        + "): "
                        + l.substring("RESUMED_MS ".length())
                        + " ms from engine start"));
    String run = outcome.runId();
    Map<String, Long> executions;
    try (Stream<String> lines = Files.lines(work.resolve("executions.log"))) {
      executions = lines.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
    // a ran once (not repeated after the restart), b was interrupted and ran again, c ran once
    assertThat(executions)
        .containsExactlyInAnyOrderEntriesOf(Map.of(run + "-a", 1L, run + "-b", 2L, run + "-c", 1L));
    try (Stream<Path> effects = Files.list(work.resolve("effects"))) {
      assertThat(effects.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(List.of(run + "-a", run + "-b", run + "-c"));
    }
  }
}
