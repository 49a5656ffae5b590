package dev.trunkbot.specfile;

import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.Text;
import dev.trunkbot.trunk.TrunkDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the document tree into a {@link TrunkDraft}, refusing unknown keys and values of the wrong
 * shape.
 */
final class SpecDraft {
  static final List<String> KEYS =
      List.of(
          "name",
          "termination",
          "pbx",
          "origination",
          "dids",
          "level",
          "tenants",
          "tenant",
          "maxConcurrentCalls",
          "credentials");
  private static final List<String> ORIGINATION_KEYS = List.of("region", "priority", "weight");
  private static final List<String> CREDENTIAL_KEYS = List.of("username", "password");

  private final List<Problem> problems = new ArrayList<>();

  private SpecDraft() {}

  static TrunkDraft of(Object root) {
    SpecDraft reader = new SpecDraft();
    TrunkDraft draft = reader.draft(root);
    if (!reader.problems.isEmpty()) {
      throw new InvalidInputException(reader.problems);
    }
    return draft;
  }

  private TrunkDraft draft(Object root) {
    Map<String, Object> doc =
        map("file", root, "must be a mapping of the keys " + String.join(", ", KEYS));
    checkKeys("", doc, KEYS);
    List<TrunkDraft.Origination> origination = new ArrayList<>();
    Object o = doc.get("origination");
    if (o instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String field = "origination[" + i + "]";
        Map<String, Object> entry = map(field, list.get(i), "must be {region, priority, weight}");
        checkKeys(field + ".", entry, ORIGINATION_KEYS);
        origination.add(
            new TrunkDraft.Origination(
                text(field + ".region", entry.get("region")),
                text(field + ".priority", entry.get("priority")),
                text(field + ".weight", entry.get("weight"))));
      }
    } else if (o != null && !"".equals(o)) {
      problems.add(
          new Problem(
              "origination", "must be a list like [{region: us1, priority: 10, weight: 10}]"));
    }
    List<TrunkDraft.Tenant> tenants = new ArrayList<>();
    Object t = doc.get("tenants");
    if (t != null && !"".equals(t)) {
      map(
              "tenants",
              t,
              "must map each tenant's name to its DID pool, e.g. acme: \"12027594810-12027594815\"")
          .forEach(
              (name, pool) ->
                  tenants.add(
                      new TrunkDraft.Tenant(
                          name, text("tenants." + Text.shown(name.trim()), pool))));
    }
    Map<String, Object> credentials = Map.of();
    Object c = doc.get("credentials");
    if (c != null && !"".equals(c)) {
      credentials =
          map("credentials", c, "must be a mapping with username (and optionally password)");
      checkKeys("credentials.", credentials, CREDENTIAL_KEYS);
    }
    return new TrunkDraft(
        text("name", doc.get("name")),
        text("termination", doc.get("termination")),
        text("pbx", doc.get("pbx")),
        origination,
        text("dids", doc.get("dids")),
        text("level", doc.get("level")),
        tenants,
        text("tenant", doc.get("tenant")),
        text("maxConcurrentCalls", doc.get("maxConcurrentCalls")),
        text("credentials.username", credentials.get("username")),
        text("credentials.password", credentials.get("password")));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String field, Object value, String shape) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    problems.add(new Problem(field, shape));
    return Map.of();
  }

  private String text(String field, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    problems.add(
        new Problem(
            field,
            "must be a single value, not a " + (value instanceof List ? "list" : "mapping")));
    return "";
  }

  private void checkKeys(String prefix, Map<String, Object> map, List<String> known) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        problems.add(
            new Problem(
                prefix + key,
                "is not a known key"
                    + suggestion(key, known)
                    + "; known keys here: "
                    + String.join(", ", known)));
      }
    }
  }

  private static String suggestion(String key, List<String> known) {
    String lower = key.toLowerCase();
    return known.stream()
        .filter(
            k ->
                distance(k.toLowerCase(), lower) <= 2
                    || (lower.length() >= 3 && k.toLowerCase().startsWith(lower)))
        .findFirst()
        .map(k -> " (did you mean '" + k + "'?)")
        .orElse("");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }
}
