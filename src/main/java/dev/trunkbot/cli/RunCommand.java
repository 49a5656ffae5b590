package dev.trunkbot.cli;

import dev.trunkbot.service.Actor;
import dev.trunkbot.service.NoSuchRunException;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.ServiceUnavailableException;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.TrunkSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands on runs share: opening the service (as a client or a worker), {@code --json},
 * {@code --timeout}, and turning refusals and bad input into one line and the README's exit code.
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

  private final ServiceFactory services;

  RunCommand(ServiceFactory services) {
    this.services = services;
  }

  /** Whether this command executes steps (follows a run) or only asks and decides. */
  abstract Role role();

  /** Does the command's work on an open service; returns the exit code. */
  abstract int run(TrunkService service) throws Exception;

  /** The one trunk the command is about, when it has one (checked before anything opens). */
  Optional<TrunkSpec> trunk() {
    return Optional.empty();
  }

  @Override
  public final Integer call() throws Exception {
    Optional<TrunkSpec> trunk;
    try {
      if (timeout.isNegative() || timeout.isZero()) {
        return badInput("--timeout: must be positive, e.g. PT10M, got " + timeout);
      }
      trunk = trunk();
    } catch (InvalidInputException e) {
      e.problems().stream().map(Problem::toString).forEach(err()::println);
      err().flush();
      return Exit.BAD_INPUT;
    }
    TrunkService service;
    try {
      service = services.open(role(), trunk);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return badInput(e.getMessage());
    }
    try (service) {
      return run(service);
    } catch (NoSuchRunException | IllegalArgumentException e) {
      return badInput(e.getMessage());
    } catch (ServiceUnavailableException e) {
      err().println(e.getMessage());
      err().flush();
      return Exit.FAILED;
    }
  }

  int badInput(String line) {
    err().println(line);
    err().flush();
    return Exit.BAD_INPUT;
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

  RunFollower follower(TrunkService service) {
    return new RunFollower(service, progressOut(), !json && RunFollower.isTerminal());
  }

  /** Prints the run (JSON or lines) and answers its exit code. */
  int report(TrunkService service, dev.trunkbot.service.RunSummary run, Exit.Wanted wanted) {
    if (json) {
      RunReport.printJson(out(), RunReport.json(run));
    } else {
      RunReport.printSummary(out(), run, service.policy());
    }
    return Exit.of(run, wanted);
  }

  /** The person at this terminal. */
  static Actor who() {
    return Actor.cli(System.getProperty("user.name", "unknown").replace(':', '-'));
  }
}
