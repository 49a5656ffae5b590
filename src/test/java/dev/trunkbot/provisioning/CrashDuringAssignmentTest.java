package dev.trunkbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.port.Intents;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.ApprovalOutcome;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The process stops in the middle of the DID assignment and another engine takes the run over: the
 * DIDs whose assignment began before the stop are the run's own, and its rollback unassigns them,
 * while the trunk and the DID that were there before the run stay.
 */
class CrashDuringAssignmentTest {
  private static final int DIDS = 60;
  private GuideRig rig;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void didsAssignedBeforeACrashAreUndoneByRollbackWhatExistedBeforeStays() throws Exception {
    List<String> numbers = Numbers.from(12027500000L, DIDS);
    // three at a time, 150 ms each: the assignment takes 3 s, longer than a stopping engine waits
    rig = new GuideRig(numbers, GuideRig.FAST, 3);
    TrunkSpec spec =
        GuideRig.systemTrunk(
            "crash-pbx",
            "12027500000-12027500059",
            "12027500000-12027500029",
            "12027500030-12027500059");
    // before the run: the trunk exists, with the first DID on it
    String trunk = rig.ports.twilio().ensureTrunk(spec.name(), spec.terminationHost()).value();
    String first =
        rig.ports
            .twilio()
            .lookupNumbers(List.of("+12027500000"))
            .owned()
            .values()
            .iterator()
            .next();
    rig.ports.twilio().assignNumber(trunk, first, Intents.NONE);
    rig.sandbox
        .twilio()
        .faults()
        .on("trunkPhoneNumbers.create")
        .latency(Duration.ofMillis(150), Duration.ZERO);

    RunId run = rig.start(spec);
    assertThat(rig.settled(run).state()).isEqualTo(RunState.WAITING_APPROVAL);
    assertThat(rig.engine().approve(run, GuideWorkflow.APPROVAL_STEP, "bob", "ok"))
        .isInstanceOf(ApprovalOutcome.Decided.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rig.sandbox.twilio().inventory().assignedPhoneNumbers() >= 12);
    rig.crashAndRestart();
    long atCrash = rig.sandbox.twilio().inventory().assignedPhoneNumbers();
    assertThat(atCrash).as("stopped in the middle of the assignment").isLessThan(DIDS);
    rig.sandbox.twilio().faults().clear();

    RunView done = rig.settled(run);

    assertThat(done.state()).as("steps %s", done.steps()).isEqualTo(RunState.SUCCEEDED);
    var assigned = done.step("assign-dids").orElseThrow().outputs();
    assertThat(assigned.path("created").asInt()).isEqualTo(DIDS - 1);
    assertThat(assigned.path("found").asInt()).isEqualTo(1);
    assertThat(done.step("trunk").orElseThrow().outputs().path("trunkCreated").asBoolean())
        .isFalse();
    assertThat(rig.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(DIDS);

    RunView rolledBack = rig.rollback(run);

    assertThat(rolledBack.state()).isEqualTo(RunState.ROLLED_BACK);
    assertThat(rig.ports.twilio().assignedNumbers(trunk)).containsExactly(first);
    assertThat(rig.sandbox.twilio().inventory().trunks()).isEqualTo(1);
    assertThat(rig.sandbox.twilio().inventory().originationUrls()).isZero();
    assertThat(rig.sandbox.portsip().inventory().trunks()).isZero();
  }
}
