package dev.trunkbot.app;

import dev.trunkbot.cli.CancelCommand;
import dev.trunkbot.cli.CreateCommand;
import dev.trunkbot.cli.DecisionCommand;
import dev.trunkbot.cli.ListCommand;
import dev.trunkbot.cli.PlanCommand;
import dev.trunkbot.cli.ResumeCommand;
import dev.trunkbot.cli.StatusCommand;
import dev.trunkbot.cli.TrunkbotCommand;
import dev.trunkbot.cli.ValidateCommand;
import dev.trunkbot.service.GroupDirectory;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Wires the commands and runs one. The only place that knows every package. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    boolean server = args.length > 0 && args[0].equals("serve");
    java.util.Optional<String> badLogging = Logging.configure(System.getenv(), server);
    if (badLogging.isPresent()) {
      System.err.println(badLogging.get());
      System.exit(2);
    }
    Shutdown.install();
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
    ServiceFactory services = (role, spec) -> open(env, role, spec);
    CommandLine cli = new CommandLine(new TrunkbotCommand());
    cli.addSubcommand(new CreateCommand(services));
    cli.addSubcommand(new PlanCommand(services));
    cli.addSubcommand(new StatusCommand(services));
    cli.addSubcommand(new ListCommand(services));
    cli.addSubcommand(new DecisionCommand.Approve(services));
    cli.addSubcommand(new DecisionCommand.Reject(services));
    cli.addSubcommand(new ResumeCommand.Resume(services));
    cli.addSubcommand(new ResumeCommand.Rollback(services));
    cli.addSubcommand(new CancelCommand(services));
    cli.addSubcommand(new ValidateCommand());
    cli.addSubcommand(new SandboxCommand(env, new CountDownLatch(1)));
    cli.addSubcommand(new ServeCommand(env, new CountDownLatch(1)));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (Shutdown.inProgress()) {
            return 143;
          }
          LOG.debug("unexpected failure", e);
          commandLine
              .getErr()
              .println(
                  "trunkbot failed: "
                      + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                      + " (TRUNKBOT_LOG_LEVEL=DEBUG shows where)");
          commandLine.getErr().flush();
          return 1;
        });
    return cli;
  }

  /** One service per process, closed on SIGTERM/SIGINT too. */
  private static TrunkService open(
      Map<String, String> env,
      dev.trunkbot.service.Role role,
      java.util.Optional<dev.trunkbot.trunk.TrunkSpec> spec) {
    TrunkService service = Runtime.open(env, role, GroupDirectory.NONE, spec).service();
    Shutdown.register(service);
    return service;
  }
}
