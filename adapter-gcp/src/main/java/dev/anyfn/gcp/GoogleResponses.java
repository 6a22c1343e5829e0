package dev.anyfn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads what Google's APIs answer to the sender: the metadata server's access token and the error
 * Google's REST APIs give with a non-2xx status ({@code {"error": {"code", "message", "status"}}}).
 * Loaded on the first send, so functions that send nothing never load it. Stateless.
 */
final class GoogleResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_SHOWN = 300;

  private GoogleResponses() {}

  /**
   * An access token and how long it lives.
   *
   * @param value the bearer token; never shown in messages
   * @param expiresInSeconds the seconds it stays valid from when it was answered
   */
  record AccessToken(String value, long expiresInSeconds) {
    @Override
    public String toString() {
      return "AccessToken[expires in " + expiresInSeconds + " s]";
    }
  }

  /** The token of the metadata server's {@code {"access_token", "expires_in", ...}} answer. */
  static Optional<AccessToken> accessToken(String body) {
    JsonNode node = tree(body);
    JsonNode token = node == null ? null : node.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new AccessToken(token.asText(), node.path("expires_in").asLong(0)));
  }

  /**
   * What Google says went wrong: {@code STATUS: message} from its error object, or the start of the
   * body when it is not one (control characters shown as {@code ?}).
   */
  static String error(String body) {
    JsonNode node = tree(body);
    JsonNode error = node == null ? null : node.get("error");
    if (error != null && error.path("message").isTextual()) {
      String status = error.path("status").asText("");
      return (status.isEmpty() ? "" : status + ": ") + error.path("message").asText();
    }
    String shown = body.strip().replaceAll("\\p{Cntrl}", "?");
    if (shown.isEmpty()) {
      return "(no body)";
    }
    return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "..." : shown;
  }

  private static JsonNode tree(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
