package dev.trunkbot.provisioning;

import com.zaxxer.hikari.HikariDataSource;
import dev.trunkbot.port.RetryPolicy;
import dev.trunkbot.portsip.PortSipClient;
import dev.trunkbot.portsip.PortSipConfig;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.specfile.SpecFile;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.SdkTwilioTrunking;
import dev.trunkbot.twilio.TwilioConfig;
import dev.trunkbot.workflow.ActionOutcome;
import dev.trunkbot.workflow.ApprovalOutcome;
import dev.trunkbot.workflow.Databases;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import dev.trunkbot.workflow.SecretKeys;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * The guide workflow on the engine and the ports against both emulators, in this JVM: no CLI, no
 * service. Retries wait a few milliseconds, so faults cost no time; the database is an in-memory H2
 * that outlives an engine, so a second engine can take over a run as after a crash.
 */
final class GuideRig implements AutoCloseable {
  static final SecretKey KEY =
      SecretKeys.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
  static final Duration WAIT = Duration.ofSeconds(60);

  /** Tries as in production, waits of a few milliseconds (Retry-After capped at 5 ms). */
  static final RetryPolicy FAST =
      RetryPolicy.standard()
          .withDelays(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5));

  final Sandbox sandbox;
  final HikariDataSource database;
  final Ports ports;
  private final PortSipClient portsip;
  private final int twilioLimit;
  private Engine engine;

  GuideRig(List<String> purchasedNumbers, RetryPolicy retry) throws IOException {
    this(purchasedNumbers, retry, 10);
  }

  /** {@code twilioLimit}: Twilio calls at once (the DID assignment's fan-out). */
  GuideRig(List<String> purchasedNumbers, RetryPolicy retry, int twilioLimit) throws IOException {
    this(purchasedNumbers, retry, twilioLimit, (sandbox, p) -> p);
  }

  /** {@code tweak} may replace a port (wrong credentials, another resolver) before the engine. */
  GuideRig(
      List<String> purchasedNumbers,
      RetryPolicy retry,
      int twilioLimit,
      java.util.function.BiFunction<Sandbox, Ports, Ports> tweak)
      throws IOException {
    this.twilioLimit = twilioLimit;
    sandbox =
        Sandbox.builder()
            .seedPhoneNumbers(purchasedNumbers)
            .seedTenants(List.of("acme", "globex"))
            .start();
    database =
        Databases.dataSource(
            "jdbc:h2:mem:rig-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    portsip =
        PortSipClient.builder(
                PortSipConfig.of(
                    sandbox.portsip().baseUri().toString(),
                    PortSipEmulator.SANDBOX_USERNAME,
                    PortSipEmulator.SANDBOX_PASSWORD,
                    java.util.Optional.empty()))
            .retry(retry)
            .build();
    ports =
        tweak.apply(
            sandbox,
            new Ports(
                SdkTwilioTrunking.connect(
                    TwilioConfig.ofAuthToken(
                            TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
                        .withBaseUrl(sandbox.twilio().baseUri()),
                    retry,
                    50),
                portsip,
                pbx -> pbx.host()));
    engine = newEngine();
  }

  /** A new engine on the same database (the first is left as it is: call {@link #crash}). */
  Engine newEngine() {
    Engine e =
        Engine.builder()
            .dataSource(database)
            .secretKey(KEY)
            .pollInterval(Duration.ofMillis(20))
            // a stopping engine releases a step still running after this, as a dying process would
            .shutdownTimeout(Duration.ofMillis(200))
            .resourceLimit(Ports.TWILIO, twilioLimit)
            .resourceLimit(Ports.PORTSIP, 5)
            .register(GuideWorkflow.definition(ports))
            .build();
    e.start();
    return e;
  }

  Engine engine() {
    return engine;
  }

  /** Requests that changed something on either side (sign-ins aside). */
  long writes() {
    return sandbox.twilio().requests().count(e -> !e.method().equals("GET"))
        + sandbox
            .portsip()
            .requests()
            .count(
                e ->
                    e.method().equals("POST")
                        && !e.endpoint().startsWith("auth.")
                        && !e.endpoint().equals("login"));
  }

  /** A PortSIP client of the sandbox's PBX logging in with another password. */
  static PortSipClient portsipWithPassword(Sandbox sandbox, String password) {
    return PortSipClient.builder(
            PortSipConfig.of(
                sandbox.portsip().baseUri().toString(),
                PortSipEmulator.SANDBOX_USERNAME,
                password,
                java.util.Optional.empty()))
        .retry(FAST)
        .build();
  }

  /** A Twilio client of the sandbox's account with another auth token. */
  static SdkTwilioTrunking twilioWithToken(Sandbox sandbox, String token) {
    return SdkTwilioTrunking.connect(
        TwilioConfig.ofAuthToken(TwilioEmulator.SANDBOX_ACCOUNT_SID, token)
            .withBaseUrl(sandbox.twilio().baseUri()),
        FAST,
        50);
  }

  /** Stops the engine as a dying process would leave its runs, then starts another one. */
  void crashAndRestart() {
    engine.close();
    engine = newEngine();
  }

  static TrunkSpec spec(String yaml) {
    return SpecFile.parse(yaml, SpecFile.Format.YAML);
  }

  /** A system-level trunk with tenants acme and globex, named after {@code label}. */
  static TrunkSpec systemTrunk(String label, String dids, String acme, String globex) {
    return spec(
        "name: "
            + label
            + "\ntermination: "
            + label
            + "\npbx: 151.101.2.3\ndids: \""
            + dids
            + "\"\ntenants:\n  acme: \""
            + acme
            + "\"\n  globex: \""
            + globex
            + "\"\nmaxConcurrentCalls: 30\n");
  }

  RunId start(TrunkSpec spec) {
    return engine.startRun(
        GuideWorkflow.NAME,
        RunInput.json(spec),
        RunInput.secrets(spec.credentials().resolve(KEY.getEncoded(), spec.terminationHost())),
        "alice");
  }

  /** Waits for the run to settle, approving the DID assignment (as bob) when it asks. */
  RunView runToEnd(RunId run) throws InterruptedException {
    RunView view = settled(run);
    if (view.state() == RunState.WAITING_APPROVAL) {
      ApprovalOutcome decided = engine.approve(run, GuideWorkflow.APPROVAL_STEP, "bob", "ok");
      if (!(decided instanceof ApprovalOutcome.Decided)) {
        throw new AssertionError("approval refused: " + decided);
      }
      view = settled(run);
    }
    return view;
  }

  RunView rollback(RunId run) throws InterruptedException {
    ActionOutcome outcome = engine.rollback(run, "alice");
    if (!(outcome instanceof ActionOutcome.Accepted)) {
      throw new AssertionError("rollback refused: " + outcome);
    }
    return settled(run);
  }

  RunView settled(RunId run) throws InterruptedException {
    return engine
        .awaitSettled(run, WAIT)
        .orElseThrow(() -> new AssertionError("run " + run + " did not settle"));
  }

  @Override
  public void close() {
    engine.close();
    portsip.close();
    database.close();
    sandbox.close();
  }
}
