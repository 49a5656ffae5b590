package dev.trunkbot.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The input of one run of the guide, owned by the workflow and versioned: {@code {"version": 1,
 * "trunk": {...}}}, written from the checked spec (never the password, which is the run's only
 * secret input, stored encrypted). It is not the spec file's format, so a later change of the YAML
 * cannot break a run that waits for approval; runs stored before it existed ({@code {"spec": ...}})
 * are still read.
 */
public final class RunInput {
  static final String PASSWORD = "sip-password";
  static final int VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Version 1 of a run's input. */
  record V1(int version, Trunk trunk) {}

  /** The trunk as version 1 stores it: every field as the domain normalized it. */
  record Trunk(
      String name,
      String termination,
      String pbx,
      List<Origination> origination,
      String dids,
      String level,
      Map<String, String> tenants,
      String tenant,
      int maxConcurrentCalls,
      String username) {}

  record Origination(String region, int priority, int weight) {}

  private RunInput() {}

  /** The input JSON of a run for this spec. */
  public static String json(TrunkSpec spec) {
    Map<String, String> tenants = new TreeMap<>();
    String tenant = null;
    if (spec.scope() instanceof TrunkScope.SystemLevel s) {
      s.tenants().forEach((k, v) -> tenants.put(k, v.toString()));
    } else if (spec.scope() instanceof TrunkScope.TenantLevel t) {
      tenant = t.tenant();
    }
    Trunk trunk =
        new Trunk(
            spec.name(),
            spec.termination().label(),
            spec.pbx().host(),
            spec.origination().stream()
                .map(o -> new Origination(o.region().code(), o.priority(), o.weight()))
                .toList(),
            spec.dids().toString(),
            spec.scope().level(),
            tenants,
            tenant,
            spec.maxConcurrentCalls(),
            spec.credentials().username());
    try {
      return JSON.writeValueAsString(new V1(VERSION, trunk));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run stored before input was versioned: the spec file's JSON shape of that time. */
  private static TrunkSpec legacy(JsonNode spec) {
    List<TrunkDraft.Origination> origination = new java.util.ArrayList<>();
    spec.path("origination")
        .forEach(
            o ->
                origination.add(
                    new TrunkDraft.Origination(
                        o.path("region").asText(),
                        o.path("priority").asText(),
                        o.path("weight").asText())));
    Map<String, String> tenants = new TreeMap<>();
    spec.path("tenants")
        .fields()
        .forEachRemaining(e -> tenants.put(e.getKey(), e.getValue().asText()));
    return TrunkSpec.from(
        new TrunkDraft(
            spec.path("name").asText(),
            spec.path("termination").asText(),
            spec.path("pbx").asText(),
            origination,
            spec.path("dids").asText(),
            spec.path("level").asText(),
            tenants,
            spec.path("tenant").asText(),
            spec.path("maxConcurrentCalls").asText(),
            spec.path("credentials").path("username").asText(),
            ""));
  }

  /** The secret inputs of a run: the credential's password. */
  public static Map<String, String> secrets(SipCredentials credentials) {
    return Map.of(PASSWORD, credentials.password());
  }

  /** The spec a run was started with. */
  public static TrunkSpec spec(JsonNode input) {
    if (!input.has("version") && input.has("spec")) {
      return legacy(input.get("spec"));
    }
    int version = input.path("version").asInt();
    if (version != VERSION) {
      throw new IllegalStateException(
          "run input version " + version + " is newer than this trunkbot reads: upgrade it");
    }
    Trunk t = JSON.convertValue(input.get("trunk"), Trunk.class);
    return TrunkSpec.from(
        new TrunkDraft(
            t.name(),
            t.termination(),
            t.pbx(),
            t.origination().stream()
                .map(
                    o ->
                        new TrunkDraft.Origination(
                            o.region(), String.valueOf(o.priority()), String.valueOf(o.weight())))
                .toList(),
            t.dids(),
            t.level(),
            t.tenants() == null ? Map.of() : t.tenants(),
            t.tenant() == null ? "" : t.tenant(),
            String.valueOf(t.maxConcurrentCalls()),
            t.username(),
            ""));
  }
}
