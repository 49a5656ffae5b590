package dev.trunkbot.workflow;

import java.time.Instant;
import java.util.Optional;

/** One line of a run's append-only audit log. */
public record AuditEntry(
    RunId runId, Instant at, String actor, String action, Optional<String> stepId, String detail) {}
