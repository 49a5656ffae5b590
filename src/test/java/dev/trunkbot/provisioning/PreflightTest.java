package dev.trunkbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.trunkbot.portsip.PortSipException;
import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preflight checks what it can without changing anything; when it fails, the run stops before
 * its first change and says what to fix, and {@code plan} reports the same as BLOCKED.
 */
class PreflightTest {
  private static final List<String> DIDS = List.of("12027594810", "12027594811");
  private static final TrunkSpec SPEC =
      GuideRig.systemTrunk(
          "preflight-pbx", "12027594810-12027594811", "12027594810", "12027594811");
  private GuideRig rig;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private RunView failedRun(BiFunction<Sandbox, Ports, Ports> tweak, TrunkSpec spec)
      throws Exception {
    rig = new GuideRig(DIDS, GuideRig.FAST, 10, tweak);
    RunId run = rig.start(spec);
    RunView view = rig.runToEnd(run);
    assertThat(view.state()).isEqualTo(RunState.FAILED);
    assertThat(view.step("preflight").orElseThrow().state())
        .isEqualTo(dev.trunkbot.workflow.StepState.FAILED);
    assertThat(view.step("trunk").orElseThrow().state())
        .isEqualTo(dev.trunkbot.workflow.StepState.PENDING);
    assertThat(rig.writes()).as("a failed preflight changes nothing").isZero();
    return view;
  }

  private static String error(RunView view) {
    return view.step("preflight").orElseThrow().lastError().orElseThrow();
  }

  @Test
  void aWrongPortSipPasswordStopsTheRunBeforeAnyDidIsRouted() throws Exception {
    RunView view =
        failedRun(
            (sandbox, p) ->
                new Ports(
                    p.twilio(),
                    GuideRig.portsipWithPassword(sandbox, "not-the-password"),
                    p.resolver()),
            SPEC);
    assertThat(error(view))
        .startsWith("nothing was changed; fix this first:\nPORTSIP_PASSWORD: ")
        .contains("check PORTSIP_USERNAME and PORTSIP_PASSWORD")
        .doesNotContain("not-the-password");
    assertThat(rig.sandbox.twilio().inventory().assignedPhoneNumbers()).isZero();
  }

  @Test
  void aWrongTwilioTokenNamesTwilioAuthToken() throws Exception {
    RunView view =
        failedRun(
            (sandbox, p) ->
                new Ports(
                    GuideRig.twilioWithToken(sandbox, "not-the-token"), p.portsip(), p.resolver()),
            SPEC);
    assertThat(error(view))
        .contains("TWILIO_AUTH_TOKEN: ")
        .contains("check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN")
        .doesNotContain("not-the-token");
  }

  @Test
  void aPbxNameThatResolvesToNoPublicAddressSaysSo() throws Exception {
    RunView view =
        failedRun(
            (sandbox, p) ->
                new Ports(
                    p.twilio(),
                    p.portsip(),
                    pbx -> {
                      throw new PbxResolver.UnresolvableException(
                          "pbx " + pbx.host() + " does not resolve: give its public static IP");
                    }),
            SPEC);
    assertThat(error(view)).contains("pbx: pbx 151.101.2.3 does not resolve");
  }

  @Test
  void unownedDidsAndUnknownTenantsAreAllListedAtOnce() throws Exception {
    TrunkSpec spec =
        GuideRig.spec(
            """
            name: preflight-pbx
            termination: preflight-pbx
            pbx: 151.101.2.3
            dids: "12027594810-12027594812"
            tenants:
              acme: "12027594810-12027594811"
              initech: "12027594812"
            maxConcurrentCalls: 30
            """);
    RunView view = failedRun((sandbox, p) -> p, spec);
    assertThat(error(view))
        .startsWith("nothing was changed; fix these 2 first:")
        .contains("dids: the Twilio account does not own 1 of the 3 DIDs: +12027594812")
        .contains(
            "tenants.initech: PortSIP has no tenant named 'initech'; tenants on the PBX: acme, globex");
  }

  @Test
  void planReportsTheSameFindingsAsBlockedAndChangesNothing() throws Exception {
    rig =
        new GuideRig(
            DIDS,
            GuideRig.FAST,
            10,
            (sandbox, p) ->
                new Ports(
                    p.twilio(),
                    GuideRig.portsipWithPassword(sandbox, "not-the-password"),
                    p.resolver()));
    Plan plan = new Planner(rig.ports).plan(SPEC);
    assertThat(plan.items())
        .filteredOn(i -> i.action() == PlanItem.Action.BLOCKED)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.resource()).isEqualTo("PORTSIP_PASSWORD");
              assertThat(i.detail()).contains("check PORTSIP_USERNAME and PORTSIP_PASSWORD");
            });
    assertThat(plan.items())
        .as("Twilio is still read")
        .anyMatch(i -> i.side() == PlanItem.Side.TWILIO && i.action() == PlanItem.Action.CREATE);
    assertThat(plan.items())
        .noneMatch(i -> i.side() == PlanItem.Side.PORTSIP && i.action() != PlanItem.Action.BLOCKED);
    assertThat(rig.writes()).isZero();
  }

  @Test
  void anUntrustedPbxCertificateNamesPortsipCaFileAndTouchesNothingElse() {
    TwilioTrunking twilio = mock(TwilioTrunking.class);
    PortSipTrunks portsip = mock(PortSipTrunks.class);
    when(twilio.accountStatus()).thenReturn("active");
    when(twilio.lookupNumbers(List.of("+12027594810", "+12027594811")))
        .thenReturn(
            new dev.trunkbot.twilio.NumberLookup(
                java.util.Map.of("+12027594810", "PN1", "+12027594811", "PN2"), List.of()));
    org.mockito.Mockito.doThrow(
            new PortSipException(
                PortSipException.Reason.UNTRUSTED_CERTIFICATE,
                "PortSIP at https://pbx:8887/api presents a certificate this machine does not"
                    + " trust: set PORTSIP_CA_FILE to a PEM file of the CA that signed it"))
        .when(portsip)
        .checkLogin();

    List<Preflight.Finding> findings =
        new Preflight(new Ports(twilio, portsip, pbx -> pbx.host())).check(SPEC);

    assertThat(findings)
        .singleElement()
        .hasToString(
            "PORTSIP_CA_FILE: PortSIP at https://pbx:8887/api presents a certificate this machine"
                + " does not trust: set PORTSIP_CA_FILE to a PEM file of the CA that signed it");
    verify(portsip).checkLogin();
    verifyNoMoreInteractions(portsip);
  }
}
