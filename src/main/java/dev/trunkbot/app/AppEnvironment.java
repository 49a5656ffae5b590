package dev.trunkbot.app;

import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.service.Environment;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/** Where Twilio and PortSIP are for this process: configured, or the sandbox's emulators. */
final class AppEnvironment implements Environment {
  private final Settings settings;
  private final Optional<Sandbox> sandbox;
  private final SecretKey key;

  AppEnvironment(Settings settings, Optional<Sandbox> sandbox, SecretKey key) {
    this.settings = settings;
    this.sandbox = sandbox;
    this.key = key;
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

  /** In the sandbox the emulators "own" the spec's DIDs and know its tenants. */
  @Override
  public void prepare(TrunkSpec spec) {
    sandbox.ifPresent(
        s -> {
          if (settings.twilio().isEmpty()) {
            List<String> dids = new ArrayList<>();
            spec.dids().forEach(dids::add);
            s.twilio().seedPhoneNumbers(dids);
          }
          if (settings.portsip().isEmpty()) {
            for (String tenant : tenants(spec)) {
              try {
                s.portsip().addTenant(tenant);
              } catch (IllegalArgumentException alreadyThere) {
                // an earlier spec seeded it
              }
            }
          }
        });
  }

  static List<String> tenants(TrunkSpec spec) {
    if (spec.scope() instanceof TrunkScope.SystemLevel s) {
      return List.copyOf(s.tenants().keySet());
    }
    return List.of(((TrunkScope.TenantLevel) spec.scope()).tenant());
  }

  @Override
  public SipCredentials credentials(TrunkSpec spec) {
    return spec.credentials().resolve(key.getEncoded(), spec.terminationHost());
  }
}
