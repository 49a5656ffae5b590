package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What the store decided when a step's task came up. */
sealed interface Claim {
  /** Nothing to do (finished, cancelled, still waiting for a decision...). */
  record Skip(String reason) implements Claim {}

  /** The step just entered WAITING_APPROVAL. */
  record AwaitApproval() implements Claim {}

  /** Execute now: the step is RUNNING with this attempt number. */
  record Execute(
      int attempt,
      ObjectNode input,
      Map<String, ObjectNode> outputs,
      Map<String, String> sealedSecrets,
      boolean approved,
      String requester)
      implements Claim {}
}
