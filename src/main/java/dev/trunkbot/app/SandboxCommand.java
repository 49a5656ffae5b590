package dev.trunkbot.app;

import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.trunk.DidPool;
import dev.trunkbot.trunk.InvalidInputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trunkbot sandbox}: serves the embedded emulators until interrupted (Ctrl-C). */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the embedded emulators on 127.0.0.1 until interrupted (Ctrl-C), and prints their base URLs and the",
      "sandbox credentials. The Twilio account is TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN when set, else fixed sandbox values.",
      "The PortSIP admin is PORTSIP_USERNAME/PORTSIP_PASSWORD when set, else fixed sandbox values.",
      "Point trunkbot at it with the printed TRUNKBOT_TWILIO_BASE_URL, PORTSIP_URL and credentials."
    })
final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Where the emulators listen (default ${DEFAULT-VALUE}); 0.0.0.0 to share them with other"
              + " containers on a private network (the deploy/ example). Never on a public one.")
  String address;

  @Option(
      names = "--twilio-port",
      paramLabel = "N",
      defaultValue = "0",
      description = "Port of the Twilio emulator (0 = any free port; default ${DEFAULT-VALUE}).")
  int twilioPort;

  @Option(
      names = "--portsip-port",
      paramLabel = "M",
      defaultValue = "0",
      description = "Port of the PortSIP emulator (0 = any free port; default ${DEFAULT-VALUE}).")
  int portsipPort;

  @Option(
      names = "--seed-dids",
      paramLabel = "POOL",
      description =
          "Purchased numbers of the Twilio account, in the guide's pool syntax, e.g. 12027594810-12027594815;12027594820.")
  String seedDids;

  @Option(
      names = "--seed-tenants",
      paramLabel = "NAMES",
      split = ",",
      description = "Tenants of the PBX, comma-separated, e.g. acme,globex (default: acme,globex).")
  List<String> seedTenants = List.of("acme", "globex");

  private final Map<String, String> env;
  private final CountDownLatch stop;

  SandboxCommand(Map<String, String> env, CountDownLatch stop) {
    this.env = env;
    this.stop = stop;
  }

  SandboxCommand() {
    this(System.getenv(), new CountDownLatch(1));
  }

  @Override
  public Integer call() throws Exception {
    List<String> dids = new ArrayList<>();
    if (seedDids != null) {
      try {
        DidPool.parse("--seed-dids", seedDids).forEach(dids::add);
      } catch (InvalidInputException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    TwilioEmulator.Account account = TwilioEmulator.Account.fromEnvironment(env);
    PortSipEmulator.Credentials admin = PortSipEmulator.Credentials.fromEnvironment(env);
    java.net.InetAddress bind;
    try {
      bind = java.net.InetAddress.getByName(address);
    } catch (java.net.UnknownHostException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--address must be an address of this machine, got '" + address + "'");
    }
    Sandbox sandbox;
    try {
      sandbox =
          Sandbox.builder()
              .address(bind)
              .twilioPort(twilioPort)
              .twilioAccount(account)
              .seedPhoneNumbers(dids)
              .portsipPort(portsipPort)
              .portsipAdmin(admin)
              .seedTenants(seedTenants)
              .start();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Thread hook =
        new Thread(
            () -> {
              sandbox.close();
              stop.countDown();
            },
            "sandbox-shutdown");
    java.lang.Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "SANDBOX: fake services on "
            + (bind.isLoopbackAddress() ? "loopback" : bind.getHostAddress())
            + "; nothing here reaches Twilio or a PBX.");
    out.println("Twilio emulator:  " + sandbox.twilio().baseUri());
    out.println("  TRUNKBOT_TWILIO_BASE_URL=" + sandbox.twilio().baseUri());
    out.println("  TWILIO_ACCOUNT_SID=" + account.sid());
    // The sandbox credentials are fake (or the user's own, given to us in the environment):
    // printing them is the point.
    out.println("  TWILIO_AUTH_TOKEN=" + account.authToken());
    out.println(
        "  or TWILIO_API_KEY=" + account.apiKey() + " TWILIO_API_SECRET=" + account.apiSecret());
    out.println(
        "  purchased numbers: " + (dids.isEmpty() ? "none (use --seed-dids)" : dids.size()));
    out.println("PortSIP emulator: " + sandbox.portsip().baseUri());
    out.println("  PORTSIP_URL=" + sandbox.portsip().baseUri());
    out.println("  PORTSIP_USERNAME=" + admin.username());
    out.println("  PORTSIP_PASSWORD=" + admin.password());
    out.println(
        "  tenants: "
            + String.join(", ", seedTenants)
            + " (a tenant admin adds PORTSIP_DOMAIN=<tenant>"
            + PortSipEmulator.DOMAIN_SUFFIX
            + ")");
    out.println("Serving until interrupted (Ctrl-C).");
    out.flush();
    try {
      stop.await();
    } finally {
      try {
        java.lang.Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
      sandbox.close();
    }
    return 0;
  }
}
