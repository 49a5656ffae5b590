package dev.trunkbot.specfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML or JSON document into maps, lists and scalars kept as the text the user wrote, so
 * that {@code +12027594810} or {@code 0012...} reach validation as written instead of being turned
 * into numbers. A null scalar becomes the empty string; a duplicate key is an error. A YAML alias
 * ({@code *name}) is refused: the YAML reader under Jackson hands out a scalar alias as the
 * anchor's name, not its value, so a spec with aliases would silently mean something else.
 */
final class SpecTree {
  private SpecTree() {}

  static Object read(JsonFactory factory, String text) throws IOException {
    return new SpecTree().document(factory, text);
  }

  private Object document(JsonFactory factory, String text) throws IOException {
    try (JsonParser parser = factory.createParser(text)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Map.of();
      }
      Object root = value(parser);
      if (parser.nextToken() != null) {
        throw new IOException("more than one document: give one trunk per file");
      }
      return root;
    }
  }

  private Object value(JsonParser parser) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new IOException(
          "the alias *"
              + parser.getText()
              + " on line "
              + parser.currentLocation().getLineNr()
              + " is not supported in spec files: write the value itself there");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, value(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        return list;
      }
      case VALUE_NULL -> {
        return "";
      }
      default -> {
        return parser.getText();
      }
    }
  }
}
