package dev.trunkbot.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.trunkbot.port.CallObserver;
import dev.trunkbot.port.RetryPolicy;
import dev.trunkbot.portsip.PortSipClient;
import dev.trunkbot.portsip.PortSipConfig;
import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.PbxResolver;
import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.provisioning.Ports;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.service.DefaultTrunkService;
import dev.trunkbot.service.GroupDirectory;
import dev.trunkbot.service.Operations;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.SdkTwilioTrunking;
import dev.trunkbot.twilio.TwilioConfig;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.EngineObserver;
import dev.trunkbot.workflow.SecretKeys;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Everything one trunkbot process opens, once: settings, Twilio and PortSIP (configured, or the
 * sandbox's emulators for as long as the process lives), the database, the engine as a client or a
 * worker, and the service every front end calls. Closing the service closes all of it, in reverse.
 */
public final class Runtime {
  private final Settings settings;
  private final DefaultTrunkService service;

  private Runtime(Settings settings, DefaultTrunkService service) {
    this.settings = settings;
    this.service = service;
  }

  /**
   * @throws IllegalArgumentException a setting is wrong (the message names it)
   * @throws IllegalStateException the database or a service cannot be opened (the message says why
   *     and what to do)
   */
  public static Runtime open(Map<String, String> env, Role role, GroupDirectory groups) {
    return open(env, role, groups, Optional.empty());
  }

  public static Runtime open(
      Map<String, String> env, Role role, GroupDirectory groups, Optional<TrunkSpec> seed) {
    return open(env, role, groups, seed, CallObserver.NONE, EngineObserver.NONE);
  }

  /** As {@link #open(Map, Role, GroupDirectory, Optional)}, telling the observers (metrics). */
  static Runtime open(
      Map<String, String> env,
      Role role,
      GroupDirectory groups,
      Optional<TrunkSpec> seed,
      CallObserver calls,
      EngineObserver steps) {
    Settings settings = Settings.from(env);
    ApprovalPolicy policy =
        ApprovalPolicy.of(
                settings.approvers(),
                settings.allowSelfApproval(),
                settings.sandbox() || settings.allowAutoApprove())
            .withGroups(groups);
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    // The database opens and migrates while the emulators and clients start: 2 cores, half the
    // wait.
    CompletableFuture<HikariDataSource> opening =
        CompletableFuture.supplyAsync(() -> DatabaseOpener.openMigrated(settings, env));
    try {
      Optional<Sandbox> sandbox = Optional.empty();
      if (settings.sandbox()) {
        Sandbox started =
            Sandbox.builder()
                .seedPhoneNumbers(seed.map(Runtime::dids).orElse(List.of()))
                .seedTenants(tenants(seed))
                .start();
        opened.push(started);
        sandbox = Optional.of(started);
      }
      Optional<Sandbox> box = sandbox;
      TwilioConfig twilio = settings.twilio().orElseGet(() -> sandboxTwilio(box.orElseThrow()));
      PortSipConfig pbx =
          settings
              .portsip()
              .orElseGet(
                  () ->
                      PortSipConfig.of(
                          box.orElseThrow().portsip().baseUri().toString(),
                          PortSipEmulator.SANDBOX_USERNAME,
                          PortSipEmulator.SANDBOX_PASSWORD,
                          sandboxLogin(seed)));
      PortSipClient portsip = PortSipClient.builder(pbx).observer(calls).build();
      opened.push(portsip);
      HikariDataSource database = joined(opening);
      opened.push(database);
      SecretKey key = key(settings, env);
      Ports ports =
          new Ports(
              SdkTwilioTrunking.connect(twilio, RetryPolicy.standard(), 50, calls),
              portsip,
              PbxResolver.dns());
      Engine engine =
          Engine.builder()
              .dataSource(database)
              .secretKey(key)
              .worker(role == Role.WORKER)
              .shutdownTimeout(settings.shutdownTimeout())
              .resourceLimit(Ports.TWILIO, settings.twilioConcurrency())
              .resourceLimit(Ports.PORTSIP, settings.portsipConcurrency())
              .allowSelfApproval(settings.allowSelfApproval())
              .observer(steps)
              .register(GuideWorkflow.definition(ports))
              .build();
      DatabaseOpener.start(engine, settings);
      AutoCloseable rest = () -> closeAll(opened);
      DefaultTrunkService service =
          new DefaultTrunkService(
              engine, new Planner(ports), new AppEnvironment(settings, sandbox, key), policy, rest);
      return new Runtime(settings, service);
    } catch (RuntimeException | java.io.IOException e) {
      opening.thenAccept(HikariDataSource::close);
      closeAll(opened);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the sandbox's emulators cannot start: " + e.getMessage());
    }
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  public TrunkService service() {
    return service;
  }

  /** What operators' probes and metrics read. */
  Operations operations() {
    return service;
  }

  Settings settings() {
    return settings;
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  private static TwilioConfig sandboxTwilio(Sandbox sandbox) {
    return TwilioConfig.ofAuthToken(
            TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
        .withBaseUrl(sandbox.twilio().baseUri());
  }

  /** The sandbox keeps nothing after the process: a key for it alone, written nowhere. */
  private static SecretKey key(Settings settings, Map<String, String> env) {
    if (settings.sandbox() && settings.dbUrl().isEmpty() && !env.containsKey(SecretKeys.ENV)) {
      try {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("this Java has no AES: " + e.getMessage());
      }
    }
    return SecretKeys.fromEnvironment(env, settings.home());
  }

  /** A tenant-level trunk is built by its tenant's admin: the sandbox signs in as that tenant. */
  private static Optional<String> sandboxLogin(Optional<TrunkSpec> seed) {
    return seed.map(TrunkSpec::scope)
        .filter(s -> s instanceof TrunkScope.TenantLevel)
        .map(s -> ((TrunkScope.TenantLevel) s).tenant() + PortSipEmulator.DOMAIN_SUFFIX);
  }

  private static List<String> dids(TrunkSpec spec) {
    List<String> out = new ArrayList<>();
    spec.dids().forEach(out::add);
    return out;
  }

  private static List<String> tenants(Optional<TrunkSpec> seed) {
    List<String> out = new ArrayList<>(List.of("acme", "globex"));
    seed.map(AppEnvironment::tenants)
        .ifPresent(t -> t.stream().filter(n -> !out.contains(n)).forEach(out::add));
    return out;
  }
}
