package dev.trunkbot.service;

/**
 * What an operator's probes and metrics read of a running trunkbot (not for front ends): the
 * activity of every process on the database, and whether Twilio and PortSIP accept its credentials.
 */
public interface Operations {
  /**
   * Runs by state, approvals waiting, event backlogs and permits in use; answering proves the
   * database answers.
   *
   * @throws IllegalStateException the database cannot be read
   */
  Activity activity();

  /** Asks Twilio and PortSIP now whether they accept the configured credentials (no change). */
  AccessCheck checkAccess();
}
