package dev.trunkbot.service;

/** A run id that names no run (or is no run id at all). Bad input: nothing changed. */
public final class NoSuchRunException extends RuntimeException {
  public NoSuchRunException(String runId) {
    super("no run '" + runId + "': 'trunkbot list' or '/trunk list' shows the runs");
  }
}
