package dev.trunkbot.app;

import dev.trunkbot.slack.SlackBot;
import dev.trunkbot.slack.SlackSetupException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trunkbot serve}: the Slack bot, until SIGTERM or SIGINT. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Slack bot (/trunk) until SIGTERM or Ctrl-C, then lets the work under way finish and exits 0.",
      "Socket Mode with SLACK_APP_TOKEN (xapp-) and SLACK_BOT_TOKEN (xoxb-): no public URL needed.",
      "HTTP mode with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: POST /slack/events, GET /healthz on --port.",
      "Optional: TRUNKBOT_APPROVERS (user and user-group ids), TRUNKBOT_SLACK_CHANNELS (channel ids).",
      "Twilio and PortSIP as for the other commands; with neither configured, the sandbox's emulators.",
      "Management port: GET /healthz, /readyz, /metrics (Prometheus)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "3000",
      description = "HTTP mode's port (default ${DEFAULT-VALUE}); Socket Mode opens none.")
  int port;

  @Option(
      names = "--management-port",
      paramLabel = "N",
      description =
          "Port of /healthz, /readyz and /metrics (default TRUNKBOT_MANAGEMENT_PORT, else 9090; 0:"
              + " any free port).")
  String managementPort;

  @Option(
      names = "--management-address",
      paramLabel = "ADDRESS",
      description =
          "Address the management port listens on (default TRUNKBOT_MANAGEMENT_ADDRESS, else"
              + " 127.0.0.1: this machine only; 0.0.0.0 in a container).")
  String managementAddress;

  private final Map<String, String> env;
  private final CountDownLatch stop;

  ServeCommand(Map<String, String> env, CountDownLatch stop) {
    this.env = env;
    this.stop = stop;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      err.println("trunkbot serve: --port must be 0-65535, got " + port);
      return 2;
    }
    ManagementAddress management;
    try {
      management = ManagementAddress.of(managementAddress, managementPort, env);
    } catch (IllegalArgumentException e) {
      err.println("trunkbot serve: " + e.getMessage());
      return 2;
    }
    Serving serving;
    try {
      serving = Serving.start(env, port, management.socket());
    } catch (SlackSetupException e) {
      err.println("trunkbot serve: " + e.getMessage());
      return e.usage() ? 2 : 1;
    } catch (IllegalArgumentException e) {
      err.println("trunkbot serve: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      err.println("trunkbot serve: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("trunkbot serve: " + management.cannotBind(e));
      return 2;
    }
    Shutdown.exitCodeOnSignal(0);
    Duration service = Settings.from(env).shutdownTimeout();
    Shutdown.bound(SlackBot.DRAIN.multipliedBy(2).plus(service).plusSeconds(5));
    AutoCloseable registration = Shutdown.register(serving);
    out.println(
        "trunkbot serve: ready, "
            + serving.describe()
            + "; management on "
            + management.url(serving.managementPort()));
    out.flush();
    try {
      stop.await();
    } finally {
      registration.close();
      serving.close();
    }
    return 0;
  }
}
