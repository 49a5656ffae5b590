package dev.trunkbot.cli;

import dev.trunkbot.workflow.RunId;

/**
 * A front end reaching below the service, as DESIGN.md forbids: only the layering test reads it, to
 * show that its rule refuses such a class (nothing uses it).
 */
public final class LayeringViolation {
  RunId id;
}
