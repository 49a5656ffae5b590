package dev.trunkbot.slack;

/**
 * {@code serve} cannot start: one line naming the variable and what to do. {@link #usage()} is true
 * when the setting is wrong (exit 2), false when Slack could not be reached (exit 1).
 */
public final class SlackSetupException extends Exception {
  private final boolean usage;

  SlackSetupException(String message, boolean usage) {
    super(message, null, false, false);
    this.usage = usage;
  }

  public boolean usage() {
    return usage;
  }
}
