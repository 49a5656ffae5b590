package dev.trunkbot.trunk;

import java.util.List;

/**
 * One origination URI: Twilio sends inbound calls to {@code sip:<pbx>;region=<region>}. Lower
 * priority is tried first (0-65535); weight (1-65535) shares traffic among equal priorities.
 */
public record OriginationTarget(Region region, int priority, int weight) {
  public static final int MAX = 65_535;

  public OriginationTarget {
    if (region == null || priority < 0 || priority > MAX || weight < 1 || weight > MAX) {
      throw new IllegalArgumentException(
          "invalid origination target: " + region + " " + priority + "/" + weight);
    }
  }

  /**
   * The guide's pair: us1 with priority 10, weight 10; us2 (failover) with priority 20, weight 10.
   */
  public static List<OriginationTarget> guideDefaults() {
    return List.of(
        new OriginationTarget(Region.US1, 10, 10), new OriginationTarget(Region.US2, 20, 10));
  }

  /**
   * Reads one target, reporting each bad field under {@code field.region}, {@code field.priority},
   * {@code field.weight}.
   */
  public static OriginationTarget parse(
      String field, String region, String priority, String weight) {
    Problems problems = new Problems();
    var r = problems.parse(region, s -> Region.parse(field + ".region", s));
    var p =
        problems.parse(
            priority,
            s -> Numbers.parseInt(field + ".priority", s, 0, MAX, "lowest is tried first"));
    var w =
        problems.parse(
            weight,
            s ->
                Numbers.parseInt(
                    field + ".weight", s, 1, MAX, "shares traffic among equal priorities"));
    problems.throwIfAny();
    return new OriginationTarget(r.orElseThrow(), p.orElseThrow(), w.orElseThrow());
  }

  /** {@code sip:151.101.2.3;region=us1} */
  public String sipUrl(PbxAddress pbx) {
    return "sip:" + pbx.host() + ";region=" + region.code();
  }
}
