package dev.trunkbot.slack;

import com.slack.api.model.view.ViewState;
import dev.trunkbot.trunk.TrunkDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a submitted {@link TrunkForm} into a {@link TrunkDraft}: text as typed, nothing checked
 * here (the domain checks it all). Tenants are one a line, {@code NAME: POOL} or {@code NAME=POOL}
 * at system level, the tenant's name at tenant level.
 */
final class FormInput {
  private FormInput() {}

  static TrunkDraft draft(ViewState state) {
    Map<String, Map<String, ViewState.Value>> values =
        state == null || state.getValues() == null ? Map.of() : state.getValues();
    String level = value(values, TrunkForm.LEVEL);
    String tenantsText = value(values, TrunkForm.TENANTS);
    boolean tenantLevel = level.equalsIgnoreCase("tenant");
    return new TrunkDraft(
        value(values, TrunkForm.NAME),
        value(values, TrunkForm.TERMINATION),
        value(values, TrunkForm.PBX),
        List.of(
            new TrunkDraft.Origination(
                value(values, TrunkForm.PRIMARY_REGION),
                value(values, TrunkForm.PRIMARY_PRIORITY),
                value(values, TrunkForm.PRIMARY_WEIGHT)),
            new TrunkDraft.Origination(
                value(values, TrunkForm.SECONDARY_REGION),
                value(values, TrunkForm.SECONDARY_PRIORITY),
                value(values, TrunkForm.SECONDARY_WEIGHT))),
        value(values, TrunkForm.DIDS),
        level,
        tenantLevel ? Map.of() : tenants(tenantsText),
        tenantLevel ? tenantsText.strip() : "",
        value(values, TrunkForm.MAX_CALLS),
        value(values, TrunkForm.USERNAME),
        "");
  }

  /** {@code acme: 1-2\nglobex=3}: name to pool; a name given twice gets both pools. */
  static Map<String, String> tenants(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      int equals = line.indexOf('=');
      int cut = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
      String name = cut < 0 ? line : line.substring(0, cut).strip();
      String pool = cut < 0 ? "" : line.substring(cut + 1).strip();
      out.merge(name, pool, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + ";" + b);
    }
    return out;
  }

  private static String value(Map<String, Map<String, ViewState.Value>> values, String block) {
    ViewState.Value v =
        Optional.ofNullable(values.get(block)).map(m -> m.get(TrunkForm.ACTION)).orElse(null);
    if (v == null) {
      return "";
    }
    if (v.getSelectedOption() != null && v.getSelectedOption().getValue() != null) {
      return v.getSelectedOption().getValue();
    }
    return v.getValue() == null ? "" : v.getValue();
  }
}
