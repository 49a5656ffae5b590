package dev.trunkbot.service;

import com.zaxxer.hikari.HikariDataSource;
import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.provisioning.Ports;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.Databases;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.SecretKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;

/** The real service and engine over in-memory ports, on an in-memory database. */
final class ServiceFixture implements AutoCloseable {
  static final SecretKey KEY =
      SecretKeys.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
  static final Actor ALICE = Actor.slack("U0ALICE", "Alice");
  static final Actor BOB = Actor.slack("U0BOB", "Bob");
  static final Actor CAROL = Actor.slack("U0CAROL", "Carol");
  static final Actor DAVE = Actor.slack("U0DAVE", "Dave");

  final TrunkService service;
  private final HikariDataSource database;

  ServiceFixture(TwilioTrunking twilio, PortSipTrunks portsip, ApprovalPolicy policy) {
    database =
        Databases.dataSource(
            "jdbc:h2:mem:svc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Ports ports = new Ports(twilio, portsip, pbx -> "151.101.2.3");
    Engine engine =
        Engine.builder()
            .dataSource(database)
            .secretKey(KEY)
            .shutdownTimeout(Duration.ofSeconds(2))
            .register(GuideWorkflow.definition(ports))
            .build();
    engine.start();
    service =
        new DefaultTrunkService(
            engine, new Planner(ports), new TestEnvironment(), policy, database);
  }

  /** Alice's and Bob's approvers: Bob and Carol; Dave is no approver. */
  static ApprovalPolicy approvers() {
    return ApprovalPolicy.of("U0BOB,U0CAROL", false, false);
  }

  static TrunkSpec spec(String label, String dids) {
    return TrunkSpec.from(
        new TrunkDraft(
            "Trunk " + label,
            label,
            "151.101.2.3",
            List.of(),
            dids,
            "system",
            Map.of("acme", dids),
            "",
            "30",
            "",
            ""));
  }

  static final String[] NUMBERS = {"+12027594810", "+12027594811", "+12027594812"};

  static TrunkSpec example() {
    return spec("portsip-pbx", "12027594810-12027594812");
  }

  RunSummary settled(String runId) throws InterruptedException {
    return service
        .awaitSettled(runId, Duration.ofSeconds(30))
        .orElseThrow(() -> new AssertionError("run " + runId + " did not settle"));
  }

  @Override
  public void close() {
    service.close();
  }

  private static final class TestEnvironment implements Environment {
    @Override
    public boolean sandbox() {
      return false;
    }

    @Override
    public String describe() {
      return "in-memory Twilio and PortSIP";
    }

    @Override
    public void prepare(TrunkSpec spec) {}

    @Override
    public SipCredentials credentials(TrunkSpec spec) {
      return spec.credentials().resolve(KEY.getEncoded(), spec.terminationHost());
    }
  }
}
