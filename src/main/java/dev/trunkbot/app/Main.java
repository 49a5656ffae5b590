package dev.trunkbot.app;

import dev.trunkbot.cli.Backend;
import dev.trunkbot.cli.CreateCommand;
import dev.trunkbot.cli.DecisionCommand;
import dev.trunkbot.cli.ListCommand;
import dev.trunkbot.cli.PlanCommand;
import dev.trunkbot.cli.ResumeCommand;
import dev.trunkbot.cli.StatusCommand;
import dev.trunkbot.cli.TrunkbotCommand;
import dev.trunkbot.cli.ValidateCommand;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** Wires the commands and runs one. The only place that knows every package. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The full command tree, as {@code java -jar trunkbot.jar} runs it. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The full command tree, configured by {@code env} instead of the process environment (tests).
   */
  public static CommandLine commandLine(Map<String, String> env) {
    Backend.Factory backends = seed -> AppBackend.open(env, seed);
    CommandLine cli = new CommandLine(new TrunkbotCommand());
    cli.addSubcommand(new CreateCommand(backends));
    cli.addSubcommand(new PlanCommand(backends));
    cli.addSubcommand(new StatusCommand(backends));
    cli.addSubcommand(new ListCommand(backends));
    cli.addSubcommand(new DecisionCommand.Approve(backends));
    cli.addSubcommand(new DecisionCommand.Reject(backends));
    cli.addSubcommand(new ResumeCommand.Resume(backends));
    cli.addSubcommand(new ResumeCommand.Rollback(backends));
    cli.addSubcommand(new ValidateCommand());
    cli.addSubcommand(new SandboxCommand(env, new CountDownLatch(1)));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
