package dev.trunkbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What a modal carries from the command or click that opened it to its submission ({@code
 * private_metadata}, at most 3,000 characters): the channel, the response URL for private answers,
 * and the run a reason is for.
 */
record Metadata(String channel, String responseUrl, String runId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  Metadata {
    channel = channel == null ? "" : channel;
    responseUrl = responseUrl == null || responseUrl.length() > 2_000 ? "" : responseUrl;
    runId = runId == null ? "" : runId;
  }

  String encode() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write modal metadata", e);
    }
  }

  static Metadata decode(String text) {
    if (text == null || text.isBlank()) {
      return new Metadata("", "", "");
    }
    try {
      return JSON.readValue(text, Metadata.class);
    } catch (JsonProcessingException e) {
      return new Metadata("", "", "");
    }
  }

  Optional<String> response() {
    return responseUrl.isEmpty() ? Optional.empty() : Optional.of(responseUrl);
  }
}
