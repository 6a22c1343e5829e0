package dev.anyfn.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.QueueMessage;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.JsonBodyException;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.Problems;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The control API under {@code /_anyfn/}, loopback only: the endpoints of {@link #ENDPOINTS}, which
 * {@code GET /_anyfn/} lists. Reads the path, query and body of a control request, calls the {@link
 * EventApi}, and answers through {@link ControlAnswers}, what the caller must fix as a {@code 400}
 * problem. Thread-safe: the front door calls it concurrently.
 */
final class ControlApi {
  /** Every endpoint: its method, its path and what it does, in the order the index lists them. */
  static final List<Map<String, String>> ENDPOINTS =
      List.of(
          endpoint("GET", "/_anyfn/", "Lists these endpoints."),
          endpoint(
              "POST",
              "/_anyfn/queues/{queue}/messages",
              "Sends the body to a queue as a message; query parameters are its attributes."),
          endpoint(
              "GET",
              "/_anyfn/queues/{queue}/messages",
              "What functions sent to a queue that no function reads."),
          endpoint(
              "POST",
              "/_anyfn/topics/{topic}/messages",
              "Publishes the body to a topic; query parameters are its attributes."),
          endpoint(
              "GET",
              "/_anyfn/topics/{topic}/messages",
              "What functions published to a topic that no function subscribes to."),
          endpoint(
              "PUT",
              "/_anyfn/buckets/{bucket}/objects/{key}",
              "Uploads the body as an object (its Content-Type kept); the key may hold slashes."),
          endpoint("DELETE", "/_anyfn/buckets/{bucket}/objects/{key}", "Deletes an object."),
          endpoint(
              "PUT",
              "/_anyfn/tables/{table}/rows",
              "Writes a row: {\"keys\": {...}, \"image\": {...}}."),
          endpoint("DELETE", "/_anyfn/tables/{table}/rows", "Deletes a row: {\"keys\": {...}}."),
          endpoint(
              "POST", "/_anyfn/schedules/{function}/fire", "Fires a function's schedules now."),
          endpoint(
              "POST",
              "/_anyfn/functions/{function}/invoke",
              "Invokes a function directly with the body as its JSON payload."),
          endpoint(
              "GET",
              "/_anyfn/dead-letters?queue={queue}",
              "The events of a queue, topic, bucket, table or function's schedules that were set"
                  + " aside; a delivery queue's own name asks for one subscriber's."),
          endpoint(
              "POST",
              "/_anyfn/dead-letters/redrive?queue={queue}",
              "Sends the dead letters of a queue, topic, bucket, table or function's schedules"
                  + " back for delivery."),
          endpoint(
              "POST",
              "/_anyfn/reset",
              "Drops every queued event, dead letter, object, row and unread sent message, and"
                  + " forgets what Context.once ran."),
          endpoint(
              "GET",
              "/_anyfn/metrics",
              "Invocations, cold starts, latency percentiles and estimated cost per function."),
          endpoint(
              "GET", "/_anyfn/openapi.json", "The OpenAPI document of the routes, as compiled."));

  /** How long a reset waits for deliveries still running. */
  static final Duration RESET_WAIT = Duration.ofSeconds(10);

  private final Emulator emulator;
  private final JsonCodec json;
  private final ControlAnswers answers;

  ControlApi(Emulator emulator) {
    this.emulator = emulator;
    this.json = emulator.runtime().json();
    this.answers = new ControlAnswers(json);
  }

  /**
   * The answer to one control request: completed on this thread, or, for an invocation or a reset,
   * which wait, on a worker thread.
   */
  CompletableFuture<HttpResponse> handle(
      String method, String rawPath, String rawQuery, byte[] body, Headers headers, String id) {
    try {
      return route(method, rawPath, rawQuery, body, headers, id);
    } catch (EventTooLargeException e) {
      return done(ControlAnswers.tooLarge(e, id));
    } catch (JsonBodyException e) {
      return done(Problems.response(400, e.code(), e.getMessage(), id));
    } catch (BadControlRequest e) {
      return done(Problems.response(400, e.code, e.getMessage(), id));
    } catch (DeadLetterNames.AmbiguousName e) {
      return done(Problems.response(400, "ambiguous_name", e.getMessage(), id));
    } catch (IllegalArgumentException e) {
      return done(Problems.response(404, "not_found", e.getMessage(), id));
    } catch (IllegalStateException e) {
      return done(Problems.response(503, "shutting_down", e.getMessage(), id));
    }
  }

  /** Picks the endpoint by the path's segments; what the endpoint refuses is thrown. */
  private CompletableFuture<HttpResponse> route(
      String method, String rawPath, String rawQuery, byte[] body, Headers headers, String id) {
    EventApi events = emulator.events();
    List<String> seg = segments(rawPath);
    Map<String, String> query = query(rawQuery);
    String root = seg.get(0);
    if (root.isEmpty() && seg.size() == 1) {
      return only(method, "GET", () -> answers.json(200, Map.of("endpoints", ENDPOINTS)), id);
    }
    if (root.equals("metrics") && seg.size() == 1) {
      return only(method, "GET", () -> answers.json(200, emulator.metrics()), id);
    }
    if (root.equals("openapi.json") && seg.size() == 1) {
      return only(method, "GET", () -> ControlAnswers.openApi(emulator.openApi(), id), id);
    }
    if ((root.equals("queues") || root.equals("topics"))
        && seg.size() == 3
        && seg.get(2).equals("messages")) {
      return messages(method, root.equals("queues"), seg.get(1), body, query, id);
    }
    if (root.equals("buckets") && seg.size() >= 4 && seg.get(2).equals("objects")) {
      return object(method, seg, body, headers, id);
    }
    if (root.equals("tables") && seg.size() == 3 && seg.get(2).equals("rows")) {
      return row(method, seg.get(1), body, id);
    }
    if (root.equals("schedules") && seg.size() == 3 && seg.get(2).equals("fire")) {
      return only(
          method,
          "POST",
          () -> answers.json(202, Map.of("ids", events.fireSchedule(seg.get(1)))),
          id);
    }
    if (root.equals("functions") && seg.size() == 3 && seg.get(2).equals("invoke")) {
      return invoke(method, seg.get(1), body, id);
    }
    if (root.equals("reset") && seg.size() == 1) {
      return reset(method, id);
    }
    if (root.equals("dead-letters") && seg.size() == 1) {
      return only(
          method,
          "GET",
          () ->
              answers.json(
                  200, ControlAnswers.deadLetters(events.deadLetters(required(query, "queue")))),
          id);
    }
    if (root.equals("dead-letters") && seg.size() == 2 && seg.get(1).equals("redrive")) {
      return only(
          method,
          "POST",
          () -> answers.json(200, Map.of("redriven", events.redrive(required(query, "queue")))),
          id);
    }
    return done(
        Problems.response(
            404,
            "not_found",
            "No control API endpoint " + rawPath + "; GET /_anyfn/ lists them.",
            id));
  }

  /**
   * {@code GET} or {@code POST /_anyfn/queues/{queue}/messages} ({@code queue}) and {@code
   * /_anyfn/topics/{topic}/messages}.
   */
  private CompletableFuture<HttpResponse> messages(
      String method,
      boolean queue,
      String name,
      byte[] body,
      Map<String, String> query,
      String id) {
    EventApi events = emulator.events();
    if (method.equals("GET")) {
      return done(
          answers.json(
              200,
              queue
                  ? ControlAnswers.messages(events.unconsumed(name), QueueMessage::bodyText)
                  : ControlAnswers.messages(events.unsubscribed(name), TopicMessage::bodyText)));
    }
    if (!method.equals("POST")) {
      return done(ControlAnswers.notAllowed("GET, POST", id));
    }
    return only(
        method,
        "POST",
        () ->
            answers.json(
                202,
                Map.of(
                    "id",
                    queue ? events.send(name, body, query) : events.publish(name, body, query))),
        id);
  }

  /** {@code PUT} or {@code DELETE /_anyfn/buckets/{bucket}/objects/{key}}. */
  private CompletableFuture<HttpResponse> object(
      String method, List<String> seg, byte[] body, Headers headers, String id) {
    EventApi events = emulator.events();
    String key = String.join("/", seg.subList(3, seg.size()));
    if (key.isEmpty()) {
      throw new BadControlRequest(
          "invalid_path",
          EventApi.EMPTY_KEY
              + " Put the key after objects/: /_anyfn/buckets/{bucket}/objects/{key}.");
    }
    if (method.equals("PUT")) {
      String type = headers.first("Content-Type").orElse("application/octet-stream");
      return done(
          answers.json(201, Map.of("eventId", events.putObject(seg.get(1), key, body, type))));
    }
    if (method.equals("DELETE")) {
      return done(answers.deleted(events.deleteObject(seg.get(1), key), id));
    }
    return done(ControlAnswers.notAllowed("PUT, DELETE", id));
  }

  /** {@code PUT} or {@code DELETE /_anyfn/tables/{table}/rows}. */
  private CompletableFuture<HttpResponse> row(String method, String table, byte[] body, String id) {
    EventApi events = emulator.events();
    if (!method.equals("PUT") && !method.equals("DELETE")) {
      return done(ControlAnswers.notAllowed("PUT, DELETE", id));
    }
    JsonNode doc = json.readTree(body);
    Map<String, Object> keys = keys(doc);
    if (method.equals("PUT")) {
      JsonNode image = doc.get("image");
      if (image == null || !image.isObject()) {
        return done(
            Problems.response(
                400, "invalid_body", "Expected {\"keys\":{...},\"image\":{...}}.", id));
      }
      return done(
          answers.json(200, Map.of("eventId", events.putRow(table, keys, image.toString()))));
    }
    return done(answers.deleted(events.deleteRow(table, keys), id));
  }

  /** {@code POST /_anyfn/functions/{function}/invoke}. */
  private CompletableFuture<HttpResponse> invoke(
      String method, String function, byte[] body, String id) {
    if (!method.equals("POST")) {
      return done(ControlAnswers.notAllowed("POST", id));
    }
    EventApi events = emulator.events();
    // Runs off the HTTP thread: the invocation may take up to the function's timeout.
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return ControlAnswers.invoked(events.invoke(function, body, id), id);
          } catch (EventTooLargeException e) {
            return ControlAnswers.tooLarge(e, id);
          } catch (IllegalArgumentException e) {
            return Problems.response(404, "not_found", e.getMessage(), id);
          }
        },
        r -> emulator.workers().execute(r));
  }

  /** {@code POST /_anyfn/reset}. */
  private CompletableFuture<HttpResponse> reset(String method, String id) {
    if (!method.equals("POST")) {
      return done(ControlAnswers.notAllowed("POST", id));
    }
    EventApi events = emulator.events();
    // Off the HTTP thread: it waits for deliveries still running.
    return CompletableFuture.supplyAsync(
        () -> answers.json(200, Map.of("finished", events.reset(RESET_WAIT))),
        r -> emulator.workers().execute(r));
  }

  /**
   * For a message posted to a queue or topic ({@code rawPath}), the lower limit it meets next,
   * which a body over the profile's request limit is over too, for the front door's {@code 413}:
   * empty for any other path.
   */
  static String messageLimit(String rawPath, Profile profile) {
    if (rawPath == null || !rawPath.startsWith(HttpFrontDoor.CONTROL_PREFIX)) {
      return "";
    }
    String[] seg = rawPath.substring(HttpFrontDoor.CONTROL_PREFIX.length()).split("/", -1);
    if (seg.length != 3 || !seg[2].equals("messages")) {
      return "";
    }
    EventLimits limits = profile.eventLimits();
    EventLimits.Limit limit =
        switch (seg[0]) {
          case "queues" -> limits.queue();
          case "topics" -> limits.topic();
          default -> null;
        };
    if (limit == null) {
      return "";
    }
    return " A "
        + (seg[0].equals("queues") ? "queue" : "topic")
        + " message ("
        + limit.what()
        + ") takes at most "
        + limit.bytes()
        + " bytes under this profile; send less, for example store the payload in a bucket and"
        + " send its key.";
  }

  /** A control request the caller must fix. */
  private static final class BadControlRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    BadControlRequest(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  private interface Action {
    HttpResponse run();
  }

  private static CompletableFuture<HttpResponse> only(
      String method, String allowed, Action action, String id) {
    return done(method.equals(allowed) ? action.run() : ControlAnswers.notAllowed(allowed, id));
  }

  private static CompletableFuture<HttpResponse> done(HttpResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  /** One endpoint as the index lists it. */
  private static Map<String, String> endpoint(String method, String path, String does) {
    Map<String, String> endpoint = new LinkedHashMap<>();
    endpoint.put("method", method);
    endpoint.put("path", path);
    endpoint.put("does", does);
    return Collections.unmodifiableMap(endpoint);
  }

  private static Map<String, Object> keys(JsonNode doc) {
    JsonNode keys = doc.get("keys");
    if (keys == null || !keys.isObject() || keys.isEmpty()) {
      throw new BadControlRequest(
          "invalid_body", "Expected a non-empty \"keys\" object, e.g. {\"keys\":{\"id\":1}}.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    keys.properties()
        .forEach(
            e ->
                out.put(
                    e.getKey(),
                    e.getValue().isNumber()
                        ? (Object) e.getValue().numberValue()
                        : e.getValue().asText()));
    return out;
  }

  private static String required(Map<String, String> query, String name) {
    String v = query.get(name);
    if (v == null || v.isEmpty()) {
      throw new BadControlRequest(
          "invalid_query", "The query parameter '" + name + "' is required.");
    }
    return v;
  }

  /**
   * The decoded path segments after {@code /_anyfn/}. A segment may decode to anything an object
   * key or a name can hold, dots and slashes included (the strict path rules of function routes do
   * not apply), but not to bytes that are not UTF-8.
   */
  private static List<String> segments(String rawPath) {
    List<String> seg = new ArrayList<>();
    for (String s : rawPath.substring(HttpFrontDoor.CONTROL_PREFIX.length()).split("/", -1)) {
      String decoded;
      try {
        decoded = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new BadControlRequest(
            "invalid_path", "Path segment '" + s + "' is badly percent-encoded: " + e.getMessage());
      }
      // URLDecoder puts U+FFFD where the bytes are not UTF-8; refuse rather than substitute.
      if (decoded.indexOf('\uFFFD') >= 0
          && s.indexOf('\uFFFD') < 0
          && !s.toUpperCase(Locale.ROOT).contains("%EF%BF%BD")) {
        throw new BadControlRequest(
            "invalid_path",
            "Path segment '" + s + "' has percent-encoded bytes that are not UTF-8.");
      }
      seg.add(decoded);
    }
    return seg;
  }

  /** The first value of each query parameter, decoded strictly as function routes decode them. */
  private static Map<String, String> query(String raw) {
    Map<String, List<String>> all;
    try {
      all = HttpRequest.builder().rawQuery(raw).build().query();
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid_query", e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    all.forEach((k, v) -> out.put(k, v.get(0)));
    return out;
  }
}
