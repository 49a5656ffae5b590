package dev.trunkbot.service;

import java.time.Instant;
import java.util.Optional;

/**
 * The approval a run asked for before routing DIDs, and what became of it.
 *
 * @param stepId the step that waits (assign-dids)
 * @param request what approving does, for people: {@code 7 DIDs will be routed to trunk ...}
 * @param whoMayDecide for people: who may approve or reject
 */
public record ApprovalSummary(
    String stepId,
    State state,
    String request,
    Instant requestedAt,
    Optional<Actor> decidedBy,
    Optional<Instant> decidedAt,
    Optional<String> reason,
    String whoMayDecide) {

  /** PENDING until someone decides (or it expires). */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED
  }
}
