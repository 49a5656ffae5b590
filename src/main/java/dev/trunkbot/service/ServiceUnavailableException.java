package dev.trunkbot.service;

/** Twilio, PortSIP or the database could not answer; the message says which and what to do. */
public final class ServiceUnavailableException extends RuntimeException {
  public ServiceUnavailableException(String message) {
    super(message);
  }
}
