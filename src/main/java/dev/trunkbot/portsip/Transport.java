package dev.trunkbot.portsip;

/** The trunk's SIP transport, with the port Twilio's termination URI listens on for it. */
public enum Transport {
  UDP(5060),
  TCP(5060),
  TLS(5061);

  private final int defaultPort;

  Transport(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** 5060 for UDP and TCP, 5061 for TLS. */
  public int defaultPort() {
    return defaultPort;
  }
}
