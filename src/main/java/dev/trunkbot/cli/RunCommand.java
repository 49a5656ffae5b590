package dev.trunkbot.cli;

import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands that start or move a run share: the backend, {@code --json}, {@code --timeout},
 * the report.
 */
abstract class RunCommand implements Callable<Integer> {
  @Option(
      names = "--json",
      description = "Print one JSON document on stdout at the end (progress goes to stderr).")
  boolean json;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT30M",
      description =
          "How long to follow the run before returning its state as it stands (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Spec CommandSpec spec;

  private final Backend.Factory backends;

  RunCommand(Backend.Factory backends) {
    this.backends = backends;
  }

  /** Does the command's work on an open backend; returns the exit code. */
  abstract int run(Backend backend) throws Exception;

  /** The spec the backend's sandbox is seeded with, when the command has one. */
  Optional<TrunkSpec> seed() {
    return Optional.empty();
  }

  @Override
  public final Integer call() throws Exception {
    Optional<TrunkSpec> seed;
    try {
      seed = seed();
    } catch (InvalidInputException e) {
      e.problems().stream().map(Problem::toString).forEach(err()::println);
      err().flush();
      return RunReport.BAD_INPUT;
    }
    try (Backend backend = backends.open(seed)) {
      return run(backend);
    } catch (IllegalArgumentException e) {
      err().println(e.getMessage());
      err().flush();
      return RunReport.BAD_INPUT;
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Where progress goes: stderr with --json (stdout is the document), stdout otherwise. */
  PrintWriter progressOut() {
    return json ? err() : out();
  }

  RunFollower follower(Backend backend) {
    return new RunFollower(backend, progressOut(), !json && RunFollower.isTerminal());
  }

  /** Prints the settled run (JSON or lines) and answers the exit code. */
  int report(Backend backend, RunView run, RunState... alsoSuccess) {
    if (json) {
      RunReport.printJson(out(), RunReport.json(run, backend.sandbox()));
    } else {
      RunReport.printSummary(out(), run, backend.sandbox());
    }
    return RunReport.exitCode(run, alsoSuccess);
  }

  static RunId runId(String text) {
    try {
      return new RunId(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a run id: trunkbot list shows them");
    }
  }

  static String who() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
