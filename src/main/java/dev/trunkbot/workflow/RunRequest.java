package dev.trunkbot.workflow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Engine#start} needs to start a run.
 *
 * @param workflow a registered workflow's name
 * @param businessKey at most one run per key is active (running, waiting, failed, rolling back)
 * @param subject what the run is about, for people and lookups (a trunk's name)
 * @param inputJson a JSON object, visible to every step
 * @param secrets stored encrypted, read by steps through {@link StepContext#secret}
 * @param requester who asked; compared with approvers for the four-eyes rule
 * @param autoApprover when present, approvals the run asks for are given at once in this name
 * @param notes stored with the run in the same transaction (see {@link Engine#note})
 */
public record RunRequest(
    String workflow,
    Optional<String> businessKey,
    String subject,
    String inputJson,
    Map<String, String> secrets,
    String requester,
    Optional<String> autoApprover,
    Map<String, String> notes) {
  public RunRequest {
    notes = Map.copyOf(notes);
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(inputJson, "inputJson");
    secrets = Map.copyOf(secrets);
    if (requester == null || requester.isBlank() || requester.length() > 200) {
      throw new IllegalArgumentException(
          "requester must be 1-200 characters, got '" + requester + "'");
    }
    businessKey.ifPresent(
        k -> {
          if (k.isBlank() || k.length() > 300) {
            throw new IllegalArgumentException("business key must be 1-300 characters");
          }
        });
    subject = subject == null ? "" : subject.length() > 300 ? subject.substring(0, 300) : subject;
  }

  public static RunRequest of(String workflow, String inputJson, String requester) {
    return new RunRequest(
        workflow, Optional.empty(), "", inputJson, Map.of(), requester, Optional.empty(), Map.of());
  }

  public RunRequest withBusinessKey(String key) {
    return new RunRequest(
        workflow, Optional.of(key), subject, inputJson, secrets, requester, autoApprover, notes);
  }

  public RunRequest withSubject(String s) {
    return new RunRequest(
        workflow, businessKey, s, inputJson, secrets, requester, autoApprover, notes);
  }

  public RunRequest withSecrets(Map<String, String> s) {
    return new RunRequest(
        workflow, businessKey, subject, inputJson, s, requester, autoApprover, notes);
  }

  public RunRequest withNotes(Map<String, String> n) {
    return new RunRequest(
        workflow, businessKey, subject, inputJson, secrets, requester, autoApprover, n);
  }

  public RunRequest withAutoApprover(String who) {
    return new RunRequest(
        workflow, businessKey, subject, inputJson, secrets, requester, Optional.of(who), notes);
  }
}
