package dev.trunkbot.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.trunkbot.cli.Backend;
import dev.trunkbot.portsip.PortSipClient;
import dev.trunkbot.portsip.PortSipConfig;
import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.PbxResolver;
import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.provisioning.Ports;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.SdkTwilioTrunking;
import dev.trunkbot.twilio.TwilioConfig;
import dev.trunkbot.workflow.Databases;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.SecretKeys;
import dev.trunkbot.workflow.WorkflowListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The backend of the commands: Twilio and PortSIP (configured, or the sandbox's emulators seeded
 * with the spec's DIDs and tenants), the engine on its database, and the guide registered on it.
 * Closing stops all of it.
 */
final class AppBackend implements Backend {
  private final Settings settings;
  private final Optional<Sandbox> sandbox;
  private final PortSipClient portsip;
  private final HikariDataSource database;
  private final SecretKey key;
  private final Engine engine;
  private final Planner planner;
  private final List<WorkflowListener> listeners = new CopyOnWriteArrayList<>();

  private AppBackend(
      Settings settings,
      Optional<Sandbox> sandbox,
      PortSipClient portsip,
      HikariDataSource database,
      SecretKey key,
      Ports ports) {
    this.settings = settings;
    this.sandbox = sandbox;
    this.portsip = portsip;
    this.database = database;
    this.key = key;
    this.planner = new Planner(ports);
    this.engine =
        Engine.builder()
            .dataSource(database)
            .secretKey(key)
            .resourceLimit(Ports.TWILIO, settings.twilioConcurrency())
            .resourceLimit(Ports.PORTSIP, settings.portsipConcurrency())
            .allowSelfApproval(settings.allowSelfApproval())
            .listener(
                event -> {
                  for (WorkflowListener l : listeners) {
                    l.onEvent(event);
                  }
                })
            .register(GuideWorkflow.definition(ports))
            .build();
    engine.start();
  }

  /**
   * Opens everything the environment describes; the sandbox is seeded with the spec's DIDs and
   * tenants.
   */
  static AppBackend open(Map<String, String> env, Optional<TrunkSpec> seed) throws Exception {
    Settings settings = Settings.from(env);
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Optional<Sandbox> sandbox = Optional.empty();
      TwilioConfig twilio;
      PortSipConfig pbx;
      if (settings.sandbox()) {
        Sandbox started =
            Sandbox.builder().seedPhoneNumbers(dids(seed)).seedTenants(tenants(seed)).start();
        opened.add(started);
        sandbox = Optional.of(started);
      }
      twilio =
          settings
              .twilio()
              .orElseGet(
                  () ->
                      TwilioConfig.ofAuthToken(
                              TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
                          .withBaseUrl(sandboxOf(opened).twilio().baseUri()));
      pbx =
          settings
              .portsip()
              .orElseGet(
                  () ->
                      PortSipConfig.of(
                          sandboxOf(opened).portsip().baseUri().toString(),
                          PortSipEmulator.SANDBOX_USERNAME,
                          PortSipEmulator.SANDBOX_PASSWORD,
                          sandboxLogin(seed)));
      PortSipClient portsip = PortSipClient.create(pbx);
      opened.add(portsip);
      HikariDataSource database =
          settings.dbUrl().isPresent() || !settings.sandbox()
              ? Databases.fromEnvironment(env)
              : Databases.dataSource(
                  "jdbc:h2:mem:trunkbot-sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                  "sa",
                  "");
      opened.add(database);
      SecretKey key =
          settings.sandbox() && settings.dbUrl().isEmpty() && !env.containsKey(SecretKeys.ENV)
              ? ephemeralKey()
              : SecretKeys.fromEnvironment(env, settings.home());
      Ports ports = new Ports(SdkTwilioTrunking.connect(twilio), portsip, PbxResolver.dns());
      return new AppBackend(settings, sandbox, portsip, database, key, ports);
    } catch (Exception | Error e) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /**
   * A tenant-level trunk is built by that tenant's administrator: the sandbox logs in with the
   * tenant's domain.
   */
  private static Optional<String> sandboxLogin(Optional<TrunkSpec> seed) {
    return seed.map(TrunkSpec::scope)
        .filter(s -> s instanceof TrunkScope.TenantLevel)
        .map(s -> ((TrunkScope.TenantLevel) s).tenant() + PortSipEmulator.DOMAIN_SUFFIX);
  }

  private static Sandbox sandboxOf(List<AutoCloseable> opened) {
    return (Sandbox) opened.get(0);
  }

  /**
   * The sandbox keeps nothing after the command: a key for this process only, nothing written to
   * disk.
   */
  private static SecretKey ephemeralKey() throws java.security.NoSuchAlgorithmException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    return generator.generateKey();
  }

  private static List<String> dids(Optional<TrunkSpec> seed) {
    List<String> out = new ArrayList<>();
    seed.ifPresent(s -> s.dids().forEach(out::add));
    return out;
  }

  private static List<String> tenants(Optional<TrunkSpec> seed) {
    List<String> out = new ArrayList<>(List.of("acme", "globex"));
    seed.map(TrunkSpec::scope)
        .ifPresent(
            scope -> {
              if (scope instanceof TrunkScope.SystemLevel s) {
                s.tenants().keySet().stream().filter(t -> !out.contains(t)).forEach(out::add);
              } else if (scope instanceof TrunkScope.TenantLevel t && !out.contains(t.tenant())) {
                out.add(t.tenant());
              }
            });
    return out;
  }

  @Override
  public boolean sandbox() {
    return settings.sandbox();
  }

  @Override
  public String describe() {
    if (sandbox.isPresent() && settings.twilio().isEmpty() && settings.portsip().isEmpty()) {
      return "SANDBOX: embedded Twilio emulator at "
          + sandbox.get().twilio().baseUri()
          + " and PortSIP emulator at "
          + sandbox.get().portsip().baseUri()
          + "; nothing real is touched";
    }
    String twilio =
        settings
            .twilio()
            .map(
                t ->
                    "Twilio account "
                        + t.accountSid()
                        + t.baseUrl().map(u -> " at " + u).orElse(""))
            .orElse("SANDBOX Twilio emulator");
    String pbx =
        settings.portsip().map(p -> "PortSIP " + p.apiBase()).orElse("SANDBOX PortSIP emulator");
    return (settings.sandbox() ? "SANDBOX (partly): " : "") + twilio + "; " + pbx;
  }

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public Planner planner() {
    return planner;
  }

  @Override
  public SipCredentials credentials(TrunkSpec spec) {
    return spec.credentials().resolve(key.getEncoded(), spec.terminationHost());
  }

  @Override
  public void subscribe(WorkflowListener listener) {
    listeners.add(listener);
  }

  @Override
  public boolean autoApproveAllowed() {
    return settings.sandbox() || settings.allowAutoApprove();
  }

  @Override
  public void close() {
    engine.close();
    portsip.close();
    database.close();
    sandbox.ifPresent(Sandbox::close);
  }
}
