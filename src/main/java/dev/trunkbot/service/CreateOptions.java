package dev.trunkbot.service;

import java.util.Map;

/**
 * How to start a run.
 *
 * @param autoApprove approve the DID assignment at once (the policy must allow it)
 * @param notes what the front end attaches to the run from the start (a Slack channel)
 */
public record CreateOptions(boolean autoApprove, Map<String, String> notes) {
  public CreateOptions {
    notes = Map.copyOf(notes);
  }

  public static CreateOptions defaults() {
    return new CreateOptions(false, Map.of());
  }
}
