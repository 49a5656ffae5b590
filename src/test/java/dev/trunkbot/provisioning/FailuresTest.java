package dev.trunkbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.portsip.PortSipException;
import dev.trunkbot.portsip.PortSipFailure;
import dev.trunkbot.twilio.TwilioFailure;
import dev.trunkbot.workflow.StepResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A vendor's failure becomes a step's failure in the vendor's own words, each prefix once. */
class FailuresTest {
  private static StepResult.Failed failed(RuntimeException thrown) throws Exception {
    return (StepResult.Failed)
        Failures.guarded(
                ctx -> {
                  throw thrown;
                })
            .execute(null);
  }

  @Test
  void aPbxRefusalNamesPortSipOnce() throws Exception {
    StepResult.Failed f =
        failed(new PortSipFailure("POST /providers", 400, "VALIDATE_FAILED", "hostname is bad"));
    assertThat(f.message())
        .isEqualTo("PortSIP POST /providers failed with HTTP 400 VALIDATE_FAILED: hostname is bad")
        .doesNotContain("PortSIP PortSIP")
        .doesNotContain("PortSIP: PortSIP");
    assertThat(f.retryable()).isFalse();
  }

  @Test
  void anUnansweredPbxNamesPortSipOnceAndMayBeRetried() throws Exception {
    StepResult.Failed f =
        failed(
            new PortSipException(
                PortSipException.Reason.UNREACHABLE,
                "PortSIP GET /providers at https://pbx:8887/api got no answer: ConnectException"));
    assertThat(f.message()).startsWith("PortSIP GET /providers").doesNotContain("PortSIP: PortSIP");
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void anUntrustedCertificateIsNotRetried() throws Exception {
    StepResult.Failed f =
        failed(
            new PortSipException(
                PortSipException.Reason.UNTRUSTED_CERTIFICATE,
                "PortSIP at https://pbx:8887/api presents a certificate this machine does not"
                    + " trust: set PORTSIP_CA_FILE"));
    assertThat(f.message()).contains("set PORTSIP_CA_FILE");
    assertThat(f.retryable()).isFalse();
  }

  @Test
  void aTwilio503MayBeRetriedA400MayNot() throws Exception {
    assertThat(
            failed(
                    new TwilioFailure(
                        "ensureTrunk", 20503, 503, "down", "", true, Optional.empty(), null))
                .retryable())
        .isTrue();
    assertThat(
            failed(
                    new TwilioFailure(
                        "ensureTrunk", 21248, 400, "taken", "", false, Optional.empty(), null))
                .retryable())
        .isFalse();
  }
}
