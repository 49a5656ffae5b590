package dev.trunkbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vendor's OpenAPI description read at test time, and a check of an emulator's answer against the
 * response schema of the operation it answered: every property the schema lists is there, nothing
 * else is, and each value has the schema's type (enum, pattern), or is null where the schema allows
 * it. Only reads the description; nothing of it is copied into the project.
 */
final class OpenApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a null is acceptable beside a schema's own {@code nullable}. */
  enum Nulls {
    /** Only where the schema says nullable (Twilio's descriptions say it everywhere it applies). */
    AS_DECLARED,
    /** Also where the emulator has no value and the schema declares no default (PortSIP's). */
    UNLESS_DEFAULT
  }

  private final JsonNode root;
  private final Nulls nulls;

  private OpenApiContract(JsonNode root, Nulls nulls) {
    this.root = root;
    this.nulls = nulls;
  }

  static OpenApiContract read(Path file, Nulls nulls) throws IOException {
    return new OpenApiContract(JSON.readTree(file.toFile()), nulls);
  }

  /** The response schema of {@code method path} (path relative to the server) for a status. */
  Optional<JsonNode> responseSchema(String method, String path, int status) {
    String template = template(path);
    JsonNode response = root.path("paths").path(template).path(method.toLowerCase());
    JsonNode schema =
        response
            .path("responses")
            .path(Integer.toString(status))
            .path("content")
            .path("application/json")
            .path("schema");
    return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(schema));
  }

  /** The path template that {@code path} instantiates, the most literal one when several do. */
  String template(String path) {
    List<String> matching = new ArrayList<>();
    root.path("paths")
        .fieldNames()
        .forEachRemaining(
            t -> {
              String regex = Pattern.quote(t).replaceAll("\\{[^}/]+\\}", "\\\\E[^/]+\\\\Q");
              if (path.matches(regex)) {
                matching.add(t);
              }
            });
    return matching.stream()
        .max(Comparator.comparingInt(t -> t.replaceAll("\\{[^}]+\\}", "").length()))
        .orElseThrow(() -> new AssertionError("the description has no path for " + path));
  }

  /** The properties of an object schema (resolved), by name. */
  Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    resolve(schema)
        .path("properties")
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), resolve(e.getValue())));
    return out;
  }

  /**
   * Everything wrong with {@code value} against {@code schema}, one line each, under {@code at}.
   */
  List<String> problems(String at, JsonNode value, JsonNode schema) {
    List<String> out = new ArrayList<>();
    check(at, value, resolve(schema), out);
    return out;
  }

  private void check(String at, JsonNode value, JsonNode schema, List<String> out) {
    if (value == null || value.isNull()) {
      boolean allowed =
          schema.path("nullable").asBoolean(false)
              || types(schema).contains("null")
              || (nulls == Nulls.UNLESS_DEFAULT && !schema.has("default"));
      if (!allowed) {
        out.add(at + " is null, which its schema does not allow");
      }
      return;
    }
    List<String> types = types(schema);
    if (types.isEmpty() && schema.has("properties")) {
      types = List.of("object");
    }
    if (types.isEmpty()) {
      return; // any value
    }
    String type = types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          out.add(at + " is " + value.getNodeType() + ", its schema says object");
          return;
        }
        if (!schema.has("properties")) {
          return; // a free-form map (uri-map)
        }
        Map<String, JsonNode> props = properties(schema);
        props.forEach(
            (name, s) -> {
              if (!value.has(name)) {
                out.add(at + "." + name + " is missing");
              } else {
                check(at + "." + name, value.get(name), s, out);
              }
            });
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
          String name = it.next();
          if (!props.containsKey(name)) {
            out.add(at + "." + name + " is not in the schema");
          }
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          out.add(at + " is " + value.getNodeType() + ", its schema says array");
          return;
        }
        JsonNode items = resolve(schema.path("items"));
        for (int i = 0; i < value.size(); i++) {
          check(at + "[" + i + "]", value.get(i), items, out);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          out.add(at + " is " + value.getNodeType() + ", its schema says string");
          return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
          out.add(at + " is '" + value.asText() + "', not one of " + schema.get("enum"));
        }
        if (schema.has("pattern")
            && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
          out.add(at + " '" + value.asText() + "' does not match " + schema.get("pattern"));
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          out.add(at + " is " + value.getNodeType() + ", its schema says integer");
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          out.add(at + " is " + value.getNodeType() + ", its schema says number");
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(at + " is " + value.getNodeType() + ", its schema says boolean");
        }
      }
      default -> out.add(at + " has a schema of unknown type " + type);
    }
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.asText().equals(value.asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> types(JsonNode schema) {
    JsonNode t = schema.path("type");
    List<String> out = new ArrayList<>();
    if (t.isTextual()) {
      out.add(t.asText());
    } else if (t.isArray()) {
      t.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  /** Follows {@code $ref} and folds {@code allOf} into one schema. */
  JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      s = root.at(s.get("$ref").asText().substring(1));
    }
    if (!s.has("allOf")) {
      return s;
    }
    ObjectNode merged = JSON.createObjectNode();
    for (JsonNode part : s.get("allOf")) {
      JsonNode r = resolve(part);
      r.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("properties") && merged.has("properties")) {
                  ((ObjectNode) merged.get("properties")).setAll((ObjectNode) e.getValue());
                } else {
                  merged.set(e.getKey(), e.getValue().deepCopy());
                }
              });
    }
    s.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("allOf")) {
                merged.set(e.getKey(), e.getValue());
              }
            });
    return merged;
  }
}
