package dev.trunkbot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.twilio.TwilioTrunking;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request the service refuses never reaches Twilio or PortSIP: here a mock says more than a fake
 * (no call at all, of any method).
 */
class RefusalsReachNoPortTest {
  private final TwilioTrunking twilio = mock(TwilioTrunking.class);
  private final PortSipTrunks portsip = mock(PortSipTrunks.class);

  @Test
  void autoApproveWithoutItsSwitchStartsNothingAndCallsNoPort() {
    try (ServiceFixture fx = new ServiceFixture(twilio, portsip, ServiceFixture.approvers())) {
      CreateOutcome outcome =
          fx.service.create(
              ServiceFixture.example(), ServiceFixture.ALICE, new CreateOptions(true, Map.of()));
      assertThat(outcome).isInstanceOf(CreateOutcome.Refused.class);
      assertThat(((CreateOutcome.Refused) outcome).reason())
          .contains("TRUNKBOT_ALLOW_AUTO_APPROVE=true");
      assertThat(fx.service.list(10)).isEmpty();
    }
    verifyNoInteractions(twilio, portsip);
  }

  @Test
  void anInvalidDraftIsAnsweredWithItsProblemsAndCallsNoPort() {
    try (ServiceFixture fx = new ServiceFixture(twilio, portsip, ServiceFixture.approvers())) {
      Validation v =
          fx.service.validate(
              new TrunkDraft(
                  "T",
                  "t",
                  "192.168.1.20",
                  List.of(),
                  "12027594815-12027594810",
                  "system",
                  Map.of(),
                  "",
                  "30",
                  "",
                  ""));
      assertThat(v.valid()).isFalse();
      assertThat(v.problems()).extracting(p -> p.field()).contains("pbx", "dids");
    }
    verifyNoInteractions(twilio, portsip);
  }
}
