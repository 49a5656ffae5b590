package dev.trunkbot.specfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.OriginationTarget;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes {@link TrunkSpec}s in the spec file format (YAML or JSON), naming every
 * problem's field.
 */
public final class SpecFile {
  /** The file formats; YAML unless the file name ends in {@code .json}. */
  public enum Format {
    YAML,
    JSON;

    public static Format of(Path file) {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }
  }

  private static final JsonFactory YAML_FACTORY = new YAMLFactory();
  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final ObjectMapper YAML_WRITER =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();
  private static final ObjectMapper JSON_WRITER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SpecFile() {}

  /** Reads a spec file; a missing or unreadable file is a problem of the field {@code file}. */
  public static TrunkSpec read(Path file) {
    return TrunkSpec.from(readDraft(file));
  }

  /**
   * Reads a spec file without checking its values, so that command-line flags can override some of
   * them.
   */
  public static TrunkDraft readDraft(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("file", "'" + file + "' does not exist");
    } catch (IOException e) {
      throw new InvalidInputException("file", "'" + file + "' cannot be read: " + e.getMessage());
    }
    return parseDraft(Utf8.decode("file", file, bytes), Format.of(file));
  }

  /** Parses a spec document, reporting syntax errors, unknown keys and every invalid value. */
  public static TrunkSpec parse(String text, Format format) {
    return TrunkSpec.from(parseDraft(text, format));
  }

  /** Parses a spec document's shape (syntax, known keys) without checking its values. */
  public static TrunkDraft parseDraft(String text, Format format) {
    Object root;
    try {
      root = SpecTree.read(format == Format.JSON ? JSON_FACTORY : YAML_FACTORY, text);
    } catch (IOException e) {
      throw new InvalidInputException(
          "file", "is not valid " + format + ": " + firstLine(e.getMessage()));
    }
    return SpecDraft.of(root);
  }

  /** Writes the normalized spec. The password is never written, even when the user gave one. */
  public static String write(TrunkSpec spec, Format format) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", spec.name());
    out.put("termination", spec.termination().label());
    out.put("pbx", spec.pbx().host());
    List<Map<String, Object>> origination = new ArrayList<>();
    for (OriginationTarget t : spec.origination()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("region", t.region().code());
      o.put("priority", t.priority());
      o.put("weight", t.weight());
      origination.add(o);
    }
    out.put("origination", origination);
    out.put("dids", spec.dids().toString());
    out.put("level", spec.scope().level());
    if (spec.scope() instanceof TrunkScope.SystemLevel s) {
      Map<String, String> tenants = new LinkedHashMap<>();
      s.tenants().forEach((name, pool) -> tenants.put(name, pool.toString()));
      out.put("tenants", tenants);
    } else if (spec.scope() instanceof TrunkScope.TenantLevel t) {
      out.put("tenant", t.tenant());
    }
    out.put("maxConcurrentCalls", spec.maxConcurrentCalls());
    out.put("credentials", Map.of("username", spec.credentials().username()));
    try {
      return (format == Format.JSON ? JSON_WRITER : YAML_WRITER).writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec always serializes", e);
    }
  }

  /** One line per problem, as {@code field: message}. */
  public static List<String> lines(InvalidInputException e) {
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message;
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }
}
