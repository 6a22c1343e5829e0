package dev.anyfn.local;

import dev.anyfn.Event;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The control API's answers as HTTP responses: values as {@code application/json} bodies, the JSON
 * shapes of messages and dead letters, an invocation's outcome with the status the cloud's invoke
 * API would give it, and the {@code 404}, {@code 405} and {@code 413} problems the endpoints share.
 * {@code id} is the request id a problem carries. Immutable and thread-safe.
 */
final class ControlAnswers {
  private final JsonCodec json;

  ControlAnswers(JsonCodec json) {
    this.json = json;
  }

  /** {@code value} written as JSON with {@code status}. */
  HttpResponse json(int status, Object value) {
    return HttpResponse.status(status).body(json.write(value), "application/json").build();
  }

  /** The id of the deletion's event, or {@code 404} when there was nothing to delete. */
  HttpResponse deleted(Optional<String> eventId, String id) {
    return eventId
        .map(e -> json(200, Map.of("eventId", e)))
        .orElseGet(() -> Problems.response(404, "not_found", "Nothing to delete there.", id));
  }

  static HttpResponse tooLarge(EventTooLargeException e, String id) {
    return Problems.response(413, "event_too_large", e.getMessage(), id);
  }

  /** {@code 405} with the {@code Allow} header. */
  static HttpResponse notAllowed(String allow, String id) {
    return Problems.builder(405, "method_not_allowed", "This endpoint answers " + allow + ".", id)
        .header("Allow", allow)
        .build();
  }

  /** The OpenAPI document, or {@code 404} saying why there is none. */
  static HttpResponse openApi(Optional<byte[]> document, String id) {
    return document
        .map(doc -> HttpResponse.status(200).body(doc, "application/json").build())
        .orElseGet(
            () ->
                Problems.response(
                    404,
                    "not_found",
                    "No OpenAPI document: no function has a route, or the functions were compiled"
                        + " without anyfn-processor on the annotation processor path.",
                    id));
  }

  /**
   * The function's JSON answer, or the problem of its error code: {@code 429} (with {@code
   * Retry-After}), {@code 504}, {@code 502}, {@code 400}, {@code 409}, else {@code 500}.
   */
  static HttpResponse invoked(InvokeOutcome o, String id) {
    if (o.succeeded()) {
      return HttpResponse.status(200).body(o.json(), "application/json").build();
    }
    int status =
        switch (o.errorCode()) {
          case "throttled" -> 429;
          case "timeout" -> 504;
          case "init_failed" -> 502;
          case "invalid_payload" -> 400;
          case "in_progress" -> 409;
          default -> 500;
        };
    HttpResponse.Builder b = Problems.builder(status, o.errorCode(), o.errorMessage(), id);
    if (status == 429) {
      b.header("Retry-After", "1");
    }
    return b.build();
  }

  /**
   * Messages sent to a queue no function reads, or published to a topic no function subscribes to:
   * their ids and bodies.
   */
  static <T extends Event> List<Map<String, Object>> messages(
      List<T> messages, Function<T, String> body) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (T m : messages) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", m.id());
      json.put("body", body.apply(m));
      out.add(json);
    }
    return out;
  }

  /** Dead letters with where, when and why they were set aside. */
  static List<Map<String, Object>> deadLetters(List<DeadLetter> letters) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DeadLetter d : letters) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("queue", d.queue());
      m.put("id", d.id());
      m.put("body", d.bodyText());
      m.put("attributes", d.attributes());
      m.put("attempts", d.attempts());
      m.put("reason", d.reason());
      m.put("firstError", d.firstError());
      m.put("lastError", d.lastError());
      m.put("firstReceived", d.firstReceived().toString());
      m.put("deadLetteredAt", d.deadLetteredAt().toString());
      out.add(m);
    }
    return out;
  }
}
