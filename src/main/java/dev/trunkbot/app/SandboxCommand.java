package dev.trunkbot.app;

import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.trunk.DidPool;
import dev.trunkbot.trunk.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code trunkbot sandbox}: serves the embedded emulators until interrupted (Ctrl-C). */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Serves the embedded emulators on 127.0.0.1 until interrupted (Ctrl-C), and prints their base URLs and the",
                "sandbox credentials. The Twilio account is TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN when set, else fixed sandbox values.",
                "Point trunkbot at it with TRUNKBOT_TWILIO_BASE_URL=<the printed Twilio URL>."})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--twilio-port", paramLabel = "N", defaultValue = "0",
            description = "Port of the Twilio emulator (0 = any free port; default ${DEFAULT-VALUE}).")
    int twilioPort;

    @Option(names = "--portsip-port", paramLabel = "M", defaultValue = "0",
            description = "Port of the PortSIP emulator (0 = any free port; default ${DEFAULT-VALUE}).")
    int portsipPort;

    @Option(names = "--seed-dids", paramLabel = "POOL",
            description = "Purchased numbers of the Twilio account, in the guide's pool syntax, e.g. 12027594810-12027594815;12027594820.")
    String seedDids;

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
        Sandbox sandbox;
        try {
            sandbox = Sandbox.builder().twilioPort(twilioPort).twilioAccount(account).seedPhoneNumbers(dids).start();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Thread hook = new Thread(() -> {
            sandbox.close();
            stop.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("SANDBOX: fake services on loopback; nothing here reaches Twilio or a PBX.");
        out.println("Twilio emulator:  " + sandbox.twilio().baseUri());
        out.println("  TRUNKBOT_TWILIO_BASE_URL=" + sandbox.twilio().baseUri());
        out.println("  TWILIO_ACCOUNT_SID=" + account.sid());
        // The sandbox credentials are fake (or the user's own, given to us in the environment): printing them is the point.
        out.println("  TWILIO_AUTH_TOKEN=" + account.authToken());
        out.println("  or TWILIO_API_KEY=" + account.apiKey() + " TWILIO_API_SECRET=" + account.apiSecret());
        out.println("  purchased numbers: " + (dids.isEmpty() ? "none (use --seed-dids)" : dids.size()));
        out.println("Serving until interrupted (Ctrl-C).");
        out.flush();
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            sandbox.close();
        }
        return 0;
    }
}
