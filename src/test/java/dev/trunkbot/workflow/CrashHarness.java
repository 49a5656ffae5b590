package dev.trunkbot.workflow;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link CrashChild} JVMs with the test classpath, kills one mid-step, starts another. */
final class CrashHarness {
  record Outcome(String runId, List<String> resumedOutput) {}

  private CrashHarness() {}

  static Outcome crashAndResume(String dbUrl, Path dir) throws Exception {
    Process first = java("start", dbUrl, dir.toString());
    String runId;
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
        if (line == null) {
          throw new IllegalStateException("child exited before starting the run");
        }
      } while (!line.startsWith("RUN "));
      runId = line.substring(4);
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dir.resolve("b-started")));
    } finally {
      first.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no clean close
      first.waitFor(30, TimeUnit.SECONDS);
    }
    Process second = java("resume", dbUrl, dir.toString(), runId);
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    }
    if (!second.waitFor(90, TimeUnit.SECONDS)) {
      second.destroyForcibly();
      throw new IllegalStateException("resumed child did not finish");
    }
    return new Outcome(runId, lines);
  }

  private static Process java(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
