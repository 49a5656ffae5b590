package dev.trunkbot.provisioning;

import dev.trunkbot.trunk.OriginationTarget;
import dev.trunkbot.trunk.TrunkSpec;

/**
 * The names trunkbot gives the resources it makes, all derived from the termination label (unique
 * across Twilio), so a rerun finds what an earlier run made. Twilio's limits: credential list names
 * at most 64 characters.
 */
final class Names {
  private Names() {}

  static String ipAccessControlList(TrunkSpec spec) {
    return spec.termination().label() + " PBX address";
  }

  static String credentialList(TrunkSpec spec) {
    String label = spec.termination().label();
    return label.substring(0, Math.min(label.length(), 52)) + " credentials";
  }

  static String originationUrl(TrunkSpec spec, OriginationTarget target) {
    return spec.termination().label() + " " + target.region().code();
  }

  /** The step id of an origination target: {@code origination-us1}. */
  static String originationStep(OriginationTarget target) {
    return "origination-" + target.region().code();
  }
}
