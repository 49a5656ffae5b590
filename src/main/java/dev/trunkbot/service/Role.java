package dev.trunkbot.service;

/** What a process does with the engine. */
public enum Role {
  /** Asks and decides: reads and writes runs, executes no step, consumes no event. */
  CLIENT,
  /** Follows or serves: also executes steps and delivers events. */
  WORKER
}
