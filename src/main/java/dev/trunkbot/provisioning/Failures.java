package dev.trunkbot.provisioning;

import dev.trunkbot.port.RetryPolicy;
import dev.trunkbot.portsip.PortSipException;
import dev.trunkbot.portsip.PortSipFailure;
import dev.trunkbot.twilio.TwilioFailure;
import dev.trunkbot.workflow.StepAction;
import dev.trunkbot.workflow.StepResult;

/**
 * Turns what Twilio and PortSIP refused into step results: worth retrying (429, 5xx, no answer) or
 * not (the request itself was wrong, and retrying would only repeat the refusal).
 */
final class Failures {
  private Failures() {}

  static StepAction guarded(StepAction action) {
    return ctx -> {
      try {
        return action.execute(ctx);
      } catch (TwilioFailure e) {
        return new StepResult.Failed(e.getMessage(), e.retryable());
      } catch (PortSipFailure e) {
        // its message names PortSIP, the request and the PBX's answer already
        return new StepResult.Failed(e.getMessage(), RetryPolicy.retryableStatus(e.status()));
      } catch (PortSipException e) {
        boolean retryable = e.reason() == PortSipException.Reason.UNREACHABLE;
        return new StepResult.Failed(e.getMessage(), retryable);
      } catch (PbxResolver.UnresolvableException e) {
        return StepResult.permanent(e.getMessage());
      }
    };
  }
}
