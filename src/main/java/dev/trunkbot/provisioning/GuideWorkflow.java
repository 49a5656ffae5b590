package dev.trunkbot.provisioning;

import dev.trunkbot.workflow.WorkflowDefinition;

/**
 * The PortSIP guide "Configuring Twilio Register Based Trunk" as one workflow. A preflight that
 * changes nothing comes first, and every other step depends on it. After the trunk, the IP ACL, the
 * credential list and the origination URIs run at once; the DID lookup runs from the start; the
 * DIDs are assigned after approval; PortSIP follows the credential; verification comes last.
 */
public final class GuideWorkflow {
  public static final String NAME = "twilio-register-trunk";

  /** 2: the preflight step comes first. */
  public static final int VERSION = 2;

  /** The step that waits for an approver. */
  public static final String APPROVAL_STEP = AssignDids.ID;

  private GuideWorkflow() {}

  public static WorkflowDefinition definition(Ports ports) {
    return WorkflowDefinition.builder(NAME, VERSION)
        .step(Preflight.step(ports))
        .step(ElasticSipTrunk.step(ports))
        .step(IpAccessControl.step(ports))
        .step(TerminationCredentials.step(ports))
        .step(Origination.step(ports))
        .step(FindDids.step(ports))
        .step(AssignDids.step(ports))
        .step(RegisterBasedTrunk.step(ports))
        .step(TenantAssignment.step(ports))
        .step(Verification.step(ports))
        .build();
  }
}
