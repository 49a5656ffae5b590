package dev.trunkbot.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Twilio error answer, thrown by the emulator's handlers and rendered as Twilio does: {@code
 * {"code": 21248, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21248",
 * "status": 400}}. Messages never contain a submitted password.
 */
final class TwilioError extends RuntimeException {
  final int status;
  final int code;

  TwilioError(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static TwilioError missing(String param) {
    return new TwilioError(400, 20001, "Missing required parameter " + param + " in the post body");
  }

  static TwilioError invalid(String param, String why) {
    return new TwilioError(400, 20001, "Invalid parameter " + param + ": " + why);
  }

  static TwilioError notFound(String path) {
    return new TwilioError(404, 20404, "The requested resource " + path + " was not found");
  }

  Reply reply() {
    return render(status, code, getMessage());
  }

  static Reply render(int status, int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    body.put("status", status);
    return Reply.json(status, body);
  }

  /** An injected or internal failure in Twilio's shape; a 429 carries {@code Retry-After}. */
  static Reply injected(int status) {
    switch (status) {
      case 429:
        return render(429, 20429, "Too Many Requests").withHeader("Retry-After", "1");
      case 503:
        return render(503, 20503, "Service Unavailable");
      default:
        return render(status, 20500, "Internal Server Error");
    }
  }
}
