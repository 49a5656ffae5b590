package dev.trunkbot.service;

import java.time.Instant;
import java.util.List;

/**
 * Whether Twilio and PortSIP accepted trunkbot's credentials when asked at {@code at}.
 *
 * @param problems one line each, naming the setting to fix; empty when both accepted
 */
public record AccessCheck(boolean twilio, boolean portsip, List<String> problems, Instant at) {
  public AccessCheck {
    problems = List.copyOf(problems);
  }

  public boolean accepted() {
    return twilio && portsip;
  }
}
