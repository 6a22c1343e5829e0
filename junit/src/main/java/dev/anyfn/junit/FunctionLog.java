package dev.anyfn.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.local.Emulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What was logged while the current test ran: the functions' lines (what handlers write with {@code
 * context.log()}) and the emulator's own (cold starts, REPORT lines, retries, dead letters). Inject
 * it into a test method of an {@link AnyfnTest} class; it starts empty for each test method. The
 * lines still go to standard output. Thread-safe: functions log from their own threads, so call
 * {@link dev.anyfn.local.EventApi#awaitIdle} before asserting on what an event delivery logs.
 *
 * <pre>{@code
 * events.send("tasks", "write the README");
 * events.awaitIdle(Duration.ofSeconds(10));
 * assertThat(log.entries("tasks"))
 *     .singleElement()
 *     .satisfies(e -> assertThat(e.fields()).containsEntry("task", "write the README"));
 * }</pre>
 */
public final class FunctionLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private final Queue<String> lines =
      new ConcurrentLinkedQueue<>(); // O(1) adds: a REPORT line per request
  private volatile Emulator emulator;

  FunctionLog() {}

  /** The emulator whose lines these are, once it has started (its start logs too). */
  void attach(Emulator emulator) {
    this.emulator = emulator;
  }

  /** Called by the emulator for every line. */
  void add(String line) {
    lines.add(line);
  }

  /** Forgets the lines so far: each test method starts with none. */
  void clear() {
    lines.clear();
  }

  /** Every line logged since the test began, the emulator's and the functions', in order. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * The structured lines of one function, in order: what its handlers logged through {@code
   * context.log()} and {@code OnInit} methods through theirs, and the {@code ERROR} lines anyfn
   * writes for it when a handler throws (with {@code errorType} and {@code errorMessage} fields).
   *
   * @param function the function's name, as in {@code @ServerlessFunction}
   * @throws IllegalArgumentException naming the emulator's functions when there is none by that
   *     name
   */
  public List<Entry> entries(String function) {
    Emulator served = emulator;
    if (served != null) {
      served.metrics().function(function); // throws, naming the functions, on a typo
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      parse(line).filter(e -> function.equals(e.function())).ifPresent(entries::add);
    }
    return List.copyOf(entries);
  }

  /** The messages of {@link #entries(String)}, e.g. {@code ["task done"]}. */
  public List<String> messages(String function) {
    return entries(function).stream().map(Entry::message).toList();
  }

  private static Optional<Entry> parse(String line) {
    if (!line.startsWith("{\"time\":")) {
      return Optional.empty(); // an emulator line (REPORT, cold start, retry)
    }
    Map<String, Object> fields;
    try {
      fields = JSON.readValue(line, OBJECT);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    Object function = fields.remove("function");
    Object level = fields.remove("level");
    Object message = fields.remove("message");
    if (!(function instanceof String) || !(level instanceof String) || message == null) {
      return Optional.empty();
    }
    fields.remove("time");
    Object requestId = fields.remove("requestId");
    return Optional.of(
        new Entry(
            (String) function,
            (String) level,
            String.valueOf(message),
            requestId == null ? Optional.empty() : Optional.of(String.valueOf(requestId)),
            fields,
            line));
  }

  /**
   * One line a handler logged.
   *
   * @param function the function's name
   * @param level {@code INFO}, {@code WARN} or {@code ERROR}
   * @param message the message
   * @param requestId the invocation's request id; empty for lines logged outside an invocation
   *     ({@code @OnInit})
   * @param fields the key-value pairs given with the message, values as JSON makes them (strings,
   *     numbers, booleans); secret-looking keys hold {@code "[redacted]"}
   * @param line the line as written
   */
  public record Entry(
      String function,
      String level,
      String message,
      Optional<String> requestId,
      Map<String, Object> fields,
      String line) {
    /** Copies the map. */
    public Entry {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }
}
