package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.portsip.PortSipClient;
import dev.trunkbot.portsip.TrunkSnapshot;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide end to end through the CLI, against the emulators, as issue 6 asks. */
class GuideEndToEndTest {
  private static final String SYSTEM = "examples/system-trunk.yaml";
  private static final String TENANT = "examples/tenant-trunk.yaml";
  private static final List<String> SYSTEM_DIDS =
      List.of(
          "12027594810",
          "12027594811",
          "12027594812",
          "12027594813",
          "12027594814",
          "12027594815",
          "12027594820");

  @TempDir Path home;
  private GuideHarness harness;

  private GuideHarness harness(List<String> purchased) throws Exception {
    harness = new GuideHarness(purchased, home);
    return harness;
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private static List<String> states(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("steps").forEach(s -> out.add(s.get("id").asText() + "=" + s.get("state").asText()));
    return out;
  }

  @Test
  void systemLevelTrunkIsBuiltOnBothSidesAndVerified() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve", "--json")).as(h.err).isZero();
    JsonNode report = h.json();
    assertThat(report.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.get("sandbox").asBoolean()).isFalse();
    assertThat(states(report)).allSatisfy(s -> assertThat(s).endsWith("=SUCCEEDED")).hasSize(10);
    assertThat(report.toString())
        .doesNotContain(h.sandbox.portsip().trunkPassword("Twilio-Reg-Trunk").orElseThrow());

    TwilioEmulator.Inventory twilio = h.sandbox.twilio().inventory();
    assertThat(twilio.trunks()).isEqualTo(1);
    assertThat(twilio.originationUrls()).isEqualTo(2);
    assertThat(twilio.trunkIpAccessControlLists()).isEqualTo(1);
    assertThat(twilio.trunkCredentialLists()).isEqualTo(1);
    assertThat(twilio.assignedPhoneNumbers()).isEqualTo(7);
    var trunk = h.twilio().readTrunk("portsip-pbx.pstn.twilio.com").orElseThrow();
    assertThat(trunk.originationUrls())
        .extracting(o -> o.sipUrl() + " " + o.priority() + "/" + o.weight())
        .containsExactlyInAnyOrder(
            "sip:151.101.2.3;region=us1 10/10", "sip:151.101.2.3;region=us2 20/10");
    assertThat(trunk.ipAccessControlLists())
        .singleElement()
        .satisfies(a -> assertThat(a.ipAddresses()).containsExactly("151.101.2.3"));

    try (PortSipClient pbx = h.portsip(Optional.empty())) {
      TrunkSnapshot portsip = pbx.readTrunk("Twilio-Reg-Trunk").orElseThrow();
      assertThat(portsip.brand()).isEqualTo("Twilio");
      assertThat(portsip.authMode()).isEqualTo("REGISTER_AUTH");
      assertThat(portsip.hostname()).isEqualTo("portsip-pbx.pstn.twilio.com");
      assertThat(portsip.registration()).isFalse();
      assertThat(portsip.concurrency()).isEqualTo(30);
      assertThat(portsip.assignees())
          .extracting(a -> a.tenantName() + " " + a.didNumbers())
          .containsExactlyInAnyOrder("acme 12027594810-12027594815", "globex 12027594820");
    }
  }

  @Test
  void tenantLevelTrunkCarriesTheWholePoolAndAssignsNoTenants() throws Exception {
    List<String> dids = new ArrayList<>();
    for (long n = 12027594830L; n <= 12027594845L; n++) {
      dids.add(Long.toString(n));
    }
    GuideHarness h = harness(dids);
    h.env.put("PORTSIP_DOMAIN", h.sandbox.portsip().tenantDomain("acme"));
    assertThat(h.run("create", "--file", TENANT, "--auto-approve", "--json")).as(h.err).isZero();
    assertThat(states(h.json())).allSatisfy(s -> assertThat(s).endsWith("=SUCCEEDED"));
    assertThat(h.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(16);
    try (PortSipClient pbx = h.portsip(Optional.of(h.sandbox.portsip().tenantDomain("acme")))) {
      TrunkSnapshot trunk = pbx.readTrunk("Acme-Twilio-Trunk").orElseThrow();
      assertThat(trunk.didNumbers()).isEqualTo("12027594830-12027594845");
      assertThat(trunk.assignees()).isEmpty();
    }
  }

  @Test
  void secondCreateOfTheSameSpecChangesNothing() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve", "--json")).as(h.err).isZero();
    h.clearLogs();
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve", "--json")).as(h.err).isZero();
    JsonNode second = h.json();
    second
        .get("steps")
        .forEach(
            s -> {
              assertThat(s.get("created").asInt()).as(s.get("id").asText() + " created").isZero();
              assertThat(s.get("updated").asInt()).as(s.get("id").asText() + " updated").isZero();
            });
    assertThat(h.writes())
        .as("write requests of the second run: " + h.sandbox.twilio().requests().entries())
        .isZero();
    assertThat(h.sandbox.twilio().inventory().trunks()).isEqualTo(1);
    assertThat(h.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(7);
  }

  @Test
  void aDidTheAccountDoesNotOwnStopsTheRunBeforeAnyChange() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS.subList(0, 6));
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve", "--json")).isEqualTo(1);
    JsonNode report = h.json();
    assertThat(report.get("state").asText()).isEqualTo("FAILED");
    JsonNode preflight = step(report, "preflight");
    assertThat(preflight.get("state").asText()).isEqualTo("FAILED");
    assertThat(preflight.get("error").asText())
        .contains("nothing was changed")
        .contains("dids: the Twilio account does not own 1 of the 7 DIDs: +12027594820");
    assertThat(step(report, "trunk").get("state").asText()).isEqualTo("PENDING");
    assertThat(step(report, "assign-dids").get("state").asText()).isNotEqualTo("SUCCEEDED");
    assertThat(h.writes()).as("the preflight changes nothing").isZero();
    assertThat(h.sandbox.twilio().inventory().assignedPhoneNumbers()).isZero();
  }

  @Test
  void rejectionLeavesNoDidAssigned() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    assertThat(h.run("create", "--file", SYSTEM, "--json")).as(h.err).isEqualTo(3);
    JsonNode waiting = h.json();
    assertThat(waiting.get("state").asText()).isEqualTo("WAITING_APPROVAL");
    assertThat(step(waiting, "assign-dids").get("state").asText()).isEqualTo("WAITING_APPROVAL");
    String runId = waiting.get("runId").asText();

    assertThat(h.run("reject", runId, "--reason", "wrong numbers", "--json"))
        .as("a successful reject")
        .isZero();
    assertThat(h.json().get("state").asText()).isEqualTo("REJECTED");
    assertThat(h.sandbox.twilio().requests().count("POST", "trunkPhoneNumbers.create")).isZero();
    assertThat(h.sandbox.twilio().inventory().assignedPhoneNumbers()).isZero();
    assertThat(h.run("approve", runId)).as("a decided run cannot be approved").isEqualTo(1);
    assertThat(h.err).contains("already rejected");
  }

  @Test
  void approvalByAnotherPersonAssignsTheDids() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    assertThat(h.run("create", "--file", SYSTEM, "--json")).isEqualTo(3);
    String runId = h.json().get("runId").asText();
    assertThat(h.run("approve", runId))
        .as("the requester may not approve their own run")
        .isEqualTo(1);
    assertThat(h.err).contains("someone else must approve it");
    h.env.put("TRUNKBOT_ALLOW_SELF_APPROVAL", "true");
    assertThat(h.run("approve", runId, "--json")).as(h.err).isZero();
    assertThat(h.json().get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(h.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(7);
  }

  @Test
  void rollbackRemovesWhatTheRunCreatedAndNothingElse() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    String preExisting =
        h.twilio().ensureIpAccessControlList("portsip-pbx PBX address", "151.101.2.3").value();
    String otherTrunk =
        h.twilio().ensureTrunk("Someone else's", "someone-else.pstn.twilio.com").value();
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve", "--json")).as(h.err).isZero();
    String runId = h.json().get("runId").asText();
    assertThat(step(h.json(), "ip-acl").get("found").asInt())
        .as("the ACL with its address")
        .isEqualTo(1);
    assertThat(step(h.json(), "ip-acl").get("created").asInt())
        .as("its attachment to the trunk")
        .isEqualTo(1);

    assertThat(h.run("rollback", runId, "--json")).as(h.err + h.out).isZero();
    assertThat(h.json().get("state").asText()).isEqualTo("ROLLED_BACK");
    TwilioEmulator.Inventory left = h.sandbox.twilio().inventory();
    assertThat(left.trunks()).as("only the trunk the run did not create").isEqualTo(1);
    assertThat(h.twilio().readTrunk("someone-else.pstn.twilio.com"))
        .get()
        .extracting(t -> t.sid())
        .isEqualTo(otherTrunk);
    assertThat(left.originationUrls()).isZero();
    assertThat(left.credentialLists()).isZero();
    assertThat(left.assignedPhoneNumbers()).isZero();
    assertThat(left.ipAccessControlLists())
        .as("the ACL that existed before the run stays")
        .isEqualTo(1);
    assertThat(
            h.twilio().ensureIpAccessControlList("portsip-pbx PBX address", "151.101.2.3").value())
        .isEqualTo(preExisting);
    try (PortSipClient pbx = h.portsip(Optional.empty())) {
      assertThat(pbx.readTrunk("Twilio-Reg-Trunk")).isEmpty();
    }
  }

  @Test
  void rollbackTakesBackTheAddressAndTheCredentialItAddedToListsThatExistedBefore()
      throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    String acls = "portsip-pbx PBX address";
    String credentials = "portsip-pbx credentials";
    String acl = h.twilio().ensureIpAccessControlList(acls, "151.101.2.4").value();
    String list =
        h.twilio().ensureCredentialList(credentials, "someone", "Someone2025Else", false).value();
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve", "--json")).as(h.err).isZero();
    String runId = h.json().get("runId").asText();
    assertThat(h.run("rollback", runId, "--json")).as(h.err + h.out).isZero();
    assertThat(h.json().get("state").asText()).isEqualTo("ROLLED_BACK");

    TwilioEmulator.Inventory left = h.sandbox.twilio().inventory();
    assertThat(left.ipAccessControlLists()).as("the lists stay").isEqualTo(1);
    assertThat(left.credentialLists()).isEqualTo(1);
    assertThat(h.twilio().ensureIpAccessControlList(acls, "151.101.2.4"))
        .as("with what they held before")
        .isEqualTo(Ensured.found(acl));
    assertThat(h.twilio().ensureCredentialList(credentials, "someone", "x", false))
        .isEqualTo(Ensured.found(list));
    assertThat(h.twilio().ensureIpAccessControlList(acls, "151.101.2.3"))
        .as("and without the address the run added")
        .isEqualTo(Ensured.updated(acl));
    assertThat(h.twilio().ensureCredentialList(credentials, "portsip-pbx", "Again2025Pass", false))
        .as("nor its credential")
        .isEqualTo(Ensured.updated(list));
  }

  @Test
  void planShowsWhatCreateWouldDoAndThenThatAllIsInSync() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    assertThat(h.run("plan", "--file", SYSTEM)).as(h.err).isEqualTo(4);
    assertThat(h.out)
        .contains("CREATE   TWILIO   trunk")
        .contains("CREATE   PORTSIP  tenant")
        .contains("assign 7 DIDs to the trunk");
    assertThat(h.writes()).as("plan changes nothing").isZero();
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve")).as(h.err).isZero();
    assertThat(h.run("plan", "--file", SYSTEM)).as(h.out).isZero();
    assertThat(h.out).contains("0 to create, 0 to change");

    String trunk = h.twilio().readTrunk("portsip-pbx.pstn.twilio.com").orElseThrow().sid();
    String us2 =
        h.twilio().readTrunk("portsip-pbx.pstn.twilio.com").orElseThrow().originationUrls().stream()
            .filter(o -> o.sipUrl().endsWith("us2"))
            .findFirst()
            .orElseThrow()
            .sid();
    h.twilio().deleteOriginationUrl(trunk, us2);
    assertThat(h.run("plan", "--file", SYSTEM)).isEqualTo(4);
    assertThat(h.out)
        .contains(
            "CREATE   TWILIO   origination URI        sip:151.101.2.3;region=us2 priority 20 weight 10");
    assertThat(h.run("status", "portsip-pbx")).isEqualTo(1);
    assertThat(h.out).contains("differ from the spec").contains("region=us2");
  }

  @Test
  void badInputStartsNothingAndExitsTwo() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    assertThat(h.run("create", "--file", "examples/broken-trunk.yaml", "--auto-approve"))
        .isEqualTo(2);
    assertThat(h.err).contains("pbx: '192.168.1.20' is private");
    assertThat(
            h.run(
                "create",
                "--name",
                "x",
                "--domain",
                "x",
                "--pbx",
                "151.101.2.3",
                "--dids",
                "12027594810",
                "--max-calls",
                "0"))
        .isEqualTo(2);
    assertThat(h.err).contains("maxConcurrentCalls: 0 is out of range");
    assertThat(h.sandbox.twilio().requests().entries()).isEmpty();
  }

  @Test
  void autoApproveOutsideTheSandboxNeedsItsSwitch() throws Exception {
    GuideHarness h = harness(SYSTEM_DIDS);
    h.env.remove("TRUNKBOT_ALLOW_AUTO_APPROVE");
    assertThat(h.run("create", "--file", SYSTEM, "--auto-approve")).isEqualTo(2);
    assertThat(h.err).contains("TRUNKBOT_ALLOW_AUTO_APPROVE=true");
    assertThat(h.sandbox.twilio().requests().count(e -> !e.method().equals("GET"))).isZero();
  }

  private static JsonNode step(JsonNode report, String id) {
    for (JsonNode s : report.get("steps")) {
      if (s.get("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no step " + id + " in " + report);
  }
}
