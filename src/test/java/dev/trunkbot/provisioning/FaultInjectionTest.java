package dev.trunkbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.sandbox.Faults;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.testing.TwilioCreates;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vendor acts on a create or an assignment, and its answer is lost (the connection closes) or
 * is a 503: the run still completes with one of each resource, counts what it made as created, and
 * its rollback leaves nothing it made.
 */
class FaultInjectionTest {
  private static final List<String> DIDS =
      List.of("12027594810", "12027594811", "12027594812", "12027594820");
  private static final TrunkSpec SPEC =
      GuideRig.systemTrunk(
          "faults-pbx",
          "12027594810-12027594812;12027594820",
          "12027594810-12027594812",
          "12027594820");
  private static final TwilioEmulator.Inventory ONE_OF_EACH =
      new TwilioEmulator.Inventory(1, 2, 1, 1, 1, 1, 1, 1, 4, 4);
  private static final TwilioEmulator.Inventory NOTHING =
      new TwilioEmulator.Inventory(0, 0, 0, 0, 0, 0, 0, 0, 0, 4);
  private static final List<String> MAKING_STEPS =
      List.of(
          "trunk",
          "ip-acl",
          "credential-list",
          "origination",
          "assign-dids",
          "portsip-trunk",
          "portsip-tenants");

  private GuideRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new GuideRig(DIDS, GuideRig.FAST);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  static Stream<Arguments> actedButUnanswered() {
    List<Arguments> out = new ArrayList<>();
    for (String endpoint : TwilioCreates.ENDPOINTS) {
      out.add(Arguments.of("twilio", endpoint, "lost answer", -1));
      out.add(Arguments.of("twilio", endpoint, "503", 503));
    }
    for (String endpoint : List.of("providers.create", "assignees.assign")) {
      out.add(Arguments.of("portsip", endpoint, "lost answer", -1));
      out.add(Arguments.of("portsip", endpoint, "503", 503));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{1}: {2} after acting")
  @MethodSource("actedButUnanswered")
  void theRunCompletesWithOneOfEachAndItsRollbackLeavesNothingItMade(
      String vendor, String endpoint, String what, int status) throws Exception {
    Faults faults =
        vendor.equals("twilio") ? rig.sandbox.twilio().faults() : rig.sandbox.portsip().faults();
    faults.on(endpoint).failNthAfterServing(1, status);

    RunId run = rig.start(SPEC);
    RunView done = rig.runToEnd(run);

    assertThat(done.state()).as("run %s", done.steps()).isEqualTo(RunState.SUCCEEDED);
    assertThat(faults.on(endpoint).calls()).as("the fault was met").isGreaterThanOrEqualTo(1);
    assertThat(rig.sandbox.twilio().inventory()).isEqualTo(ONE_OF_EACH);
    assertThat(rig.sandbox.portsip().inventory()).isEqualTo(new PortSipEmulator.Inventory(1, 2));
    for (String step : MAKING_STEPS) {
      assertThat(done.step(step).orElseThrow().outputs().path("found").asInt(-1))
          .as("%s counts what this run made as created, not found", step)
          .isZero();
    }
    assertThat(
            rig.sandbox.twilio().requests().count("POST", endpoint)
                + rig.sandbox.portsip().requests().count("POST", endpoint))
        .as("the create was not sent again blindly")
        .isEqualTo(sentOnce(endpoint));

    RunView rolledBack = rig.rollback(run);

    assertThat(rolledBack.state()).isEqualTo(RunState.ROLLED_BACK);
    assertThat(rig.sandbox.twilio().inventory()).isEqualTo(NOTHING);
    assertThat(rig.sandbox.portsip().inventory()).isEqualTo(new PortSipEmulator.Inventory(0, 0));
  }

  @Test
  void anAddressAndACredentialAddedToListsThatExistedBeforeAreTakenBackDespiteLostAnswers()
      throws Exception {
    TwilioTrunking twilio = rig.ports.twilio();
    String acls = Names.ipAccessControlList(SPEC);
    String credentials = Names.credentialList(SPEC);
    String acl = twilio.ensureIpAccessControlList(acls, "151.101.2.4").value();
    String list =
        twilio.ensureCredentialList(credentials, "someone", "Someone2025Else", false).value();
    rig.sandbox.twilio().faults().on("ipAddresses.create").failNthAfterServing(1, -1);
    rig.sandbox.twilio().faults().on("credentials.create").failNthAfterServing(1, -1);

    RunId run = rig.start(SPEC);
    assertThat(rig.runToEnd(run).state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(rig.rollback(run).state()).isEqualTo(RunState.ROLLED_BACK);

    assertThat(twilio.ensureIpAccessControlList(acls, "151.101.2.3"))
        .as("the address the run added (its answer lost) was taken back")
        .isEqualTo(Ensured.updated(acl));
    assertThat(
            twilio.ensureCredentialList(
                credentials, SPEC.credentials().username(), "Again2025Pass", false))
        .as("and so was its credential")
        .isEqualTo(Ensured.updated(list));
    assertThat(twilio.ensureIpAccessControlList(acls, "151.101.2.4"))
        .as("what the lists held before stays")
        .isEqualTo(Ensured.found(acl));
    assertThat(twilio.ensureCredentialList(credentials, "someone", "x", false))
        .isEqualTo(Ensured.found(list));
  }

  @Test
  void anAddressAddedToAListThatExistedBeforeIsTakenBackWhenItsStepFailedAfterAddingIt()
      throws Exception {
    TwilioTrunking twilio = rig.ports.twilio();
    String acls = Names.ipAccessControlList(SPEC);
    String acl = twilio.ensureIpAccessControlList(acls, "151.101.2.4").value();
    rig.sandbox.twilio().faults().on("trunkIpAccessControlLists.create").failNth(1, 400);

    RunId run = rig.start(SPEC);
    RunView failed = rig.runToEnd(run);
    assertThat(failed.state()).as("run %s", failed.steps()).isEqualTo(RunState.FAILED);
    assertThat(rig.rollback(run).state()).isEqualTo(RunState.ROLLED_BACK);

    assertThat(twilio.ensureIpAccessControlList(acls, "151.101.2.3"))
        .as("the address the failed step added was taken back (its intent was recorded)")
        .isEqualTo(Ensured.updated(acl));
    assertThat(twilio.ensureIpAccessControlList(acls, "151.101.2.4")).isEqualTo(Ensured.found(acl));
  }

  /**
   * How often a run sends this create: once per resource, and an assignment (which sets a tenant's
   * pool, so it may be repeated as it is) once more after its lost answer.
   */
  private static long sentOnce(String endpoint) {
    return switch (endpoint) {
      case "originationUrls.create" -> 2;
      case "assignees.assign" -> 3;
      case "trunkPhoneNumbers.create" -> DIDS.size();
      default -> 1;
    };
  }
}
