package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.specfile.SpecFile;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The input of one run of the guide: the normalized spec as JSON (never the password), and the SIP
 * password as the run's only secret input, which the engine stores encrypted.
 */
public final class RunInput {
  static final String SPEC = "spec";
  static final String PASSWORD = "sip-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunInput() {}

  /** The input JSON of a run for this spec. */
  public static String json(TrunkSpec spec) {
    try {
      ObjectNode input = JSON.createObjectNode();
      input.set(SPEC, JSON.readTree(SpecFile.write(spec, SpecFile.Format.JSON)));
      return JSON.writeValueAsString(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The secret inputs of a run: the credential's password. */
  public static Map<String, String> secrets(SipCredentials credentials) {
    return Map.of(PASSWORD, credentials.password());
  }

  /** The spec a run was started with. */
  public static TrunkSpec spec(JsonNode input) {
    return SpecFile.parse(input.get(SPEC).toString(), SpecFile.Format.JSON);
  }
}
