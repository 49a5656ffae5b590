package dev.trunkbot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an emulator answers: a status, headers and a body. */
public record Reply(int status, Map<String, String> headers, byte[] body) {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply json(int status, Object value) {
    try {
      return new Reply(
          status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("emulator reply is not serializable", e);
    }
  }

  public static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0]);
  }

  public static Reply text(int status, String text) {
    return new Reply(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        text.getBytes(StandardCharsets.UTF_8));
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, copy, body);
  }
}
