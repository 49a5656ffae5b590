package dev.trunkbot.port;

/** What an idempotent operation did to reach the wanted state. */
public enum Change {
  /** The resource did not exist and was created by this call. */
  CREATED,
  /** The resource existed but differed (e.g. priority, password) and was corrected. */
  UPDATED,
  /** The resource existed as wanted; nothing was written. */
  FOUND
}
