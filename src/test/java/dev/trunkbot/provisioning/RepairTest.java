package dev.trunkbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TrunkSnapshot;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import dev.trunkbot.workflow.StepState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a run succeeded, someone changes things by hand: Repair names the steps a resume must run
 * again (those whose resources are gone or changed, and those after them), and nothing else.
 */
class RepairTest {
  private static final TrunkSpec SPEC =
      GuideRig.systemTrunk("repair-pbx", "12027594810-12027594811", "12027594810", "12027594811");
  private GuideRig rig;
  private Map<String, ObjectNode> outputs;
  private Repair repair;

  @BeforeEach
  void provision() throws Exception {
    rig = new GuideRig(List.of("12027594810", "12027594811"), GuideRig.FAST);
    RunView done = rig.runToEnd(rig.start(SPEC));
    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    outputs = new LinkedHashMap<>();
    done.steps().stream()
        .filter(s -> s.state() == StepState.SUCCEEDED)
        .forEach(s -> outputs.put(s.id(), s.outputs()));
    repair = new Repair(rig.ports);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void nothingToRerunWhileEverythingIsThere() throws Exception {
    rig.sandbox.twilio().requests().clear();
    rig.sandbox.portsip().requests().clear();
    assertThat(repair.stepsToRerun(SPEC, outputs)).isEmpty();
    assertThat(rig.writes()).isZero();
  }

  @Test
  void aTrunkDeletedByHandRerunsEveryStepThatUsedIt() throws Exception {
    TrunkSnapshot trunk = rig.ports.twilio().readTrunk(SPEC.terminationHost()).orElseThrow();
    rig.ports.twilio().deleteTrunk(trunk.sid());

    assertThat(repair.stepsToRerun(SPEC, outputs))
        .containsExactly(
            "trunk",
            "ip-acl",
            "credential-list",
            "origination",
            "assign-dids",
            "portsip-trunk",
            "portsip-tenants",
            "verify");
  }

  @Test
  void aPortSipTrunkDeletedByHandRerunsOnlyThePortSipSteps() throws Exception {
    String provider = outputs.get("portsip-trunk").path("providerId").asText();
    rig.ports.portsip().destroyTrunk(provider);

    assertThat(repair.stepsToRerun(SPEC, outputs))
        .containsExactly("portsip-trunk", "portsip-tenants", "verify");
  }

  @Test
  void aChangedPriorityRerunsTheOriginationStep() throws Exception {
    TrunkSnapshot trunk = rig.ports.twilio().readTrunk(SPEC.terminationHost()).orElseThrow();
    TrunkSnapshot.OriginationUrl us2 = trunk.originationUrls().get(1);
    rig.ports.twilio().ensureOriginationUrl(trunk.sid(), us2.sipUrl(), 99, us2.weight(), true, "x");

    assertThat(repair.stepsToRerun(SPEC, outputs)).containsExactly("origination", "verify");
  }
}
