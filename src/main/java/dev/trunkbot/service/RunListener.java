package dev.trunkbot.service;

/** Receives run events on a delivery thread of the service; a throw is logged, not fatal. */
@FunctionalInterface
public interface RunListener {
  void on(RunEvent event) throws Exception;
}
