package dev.trunkbot.slack;

import dev.trunkbot.trunk.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain's problems as {@code response_action: errors}: each under the input it is about, keyed
 * by that input's block id; several on one input are joined.
 */
final class FormProblems {
  private static final int MAX = 1_000;
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("name", TrunkForm.NAME),
          Map.entry("termination", TrunkForm.TERMINATION),
          Map.entry("pbx", TrunkForm.PBX),
          Map.entry("dids", TrunkForm.DIDS),
          Map.entry("level", TrunkForm.LEVEL),
          Map.entry("tenants", TrunkForm.TENANTS),
          Map.entry("tenant", TrunkForm.TENANTS),
          Map.entry("maxConcurrentCalls", TrunkForm.MAX_CALLS),
          Map.entry("credentials.username", TrunkForm.USERNAME),
          Map.entry("credentials.password", TrunkForm.USERNAME),
          Map.entry("origination[0].region", TrunkForm.PRIMARY_REGION),
          Map.entry("origination[0].priority", TrunkForm.PRIMARY_PRIORITY),
          Map.entry("origination[0].weight", TrunkForm.PRIMARY_WEIGHT),
          Map.entry("origination[1].region", TrunkForm.SECONDARY_REGION),
          Map.entry("origination[1].priority", TrunkForm.SECONDARY_PRIORITY),
          Map.entry("origination[1].weight", TrunkForm.SECONDARY_WEIGHT));
  private static final Map<String, String> NAMES =
      Map.of(
          TrunkForm.NAME, "The trunk name",
          TrunkForm.TERMINATION, "The termination label",
          TrunkForm.PBX, "The PBX address",
          TrunkForm.DIDS, "The DID pool",
          TrunkForm.TENANTS, "Tenants",
          TrunkForm.MAX_CALLS, "Max concurrent calls",
          TrunkForm.USERNAME, "The username",
          TrunkForm.LEVEL, "The level");

  private FormProblems() {}

  static Map<String, String> errors(List<Problem> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Problem p : problems) {
      String block = block(p.field());
      String message = message(block, p);
      out.merge(block, message, (a, b) -> a + " • " + b);
    }
    out.replaceAll((k, v) -> Mrkdwn.cut(v, MAX));
    return out;
  }

  static String block(String field) {
    String block = FIELDS.get(field);
    if (block != null) {
      return block;
    }
    if (field.startsWith("tenants.")) {
      return TrunkForm.TENANTS;
    }
    if (field.startsWith("origination[0]")) {
      return TrunkForm.PRIMARY_REGION;
    }
    if (field.startsWith("origination")) {
      return TrunkForm.SECONDARY_REGION;
    }
    return TrunkForm.NAME;
  }

  private static String message(String block, Problem p) {
    String m = p.message();
    if (p.field().startsWith("tenants.")) {
      return "Tenant " + p.field().substring("tenants.".length()) + ": " + m;
    }
    boolean relative =
        m.startsWith("is ")
            || m.startsWith("has ")
            || m.startsWith("holds ")
            || m.startsWith("contains ")
            || m.startsWith("overlaps ");
    if (relative) {
      return NAMES.getOrDefault(block, p.field()) + " " + m;
    }
    return FIELDS.containsKey(p.field()) || p.field().startsWith("origination")
        ? m
        : p.field() + ": " + m;
  }
}
