package dev.anyfn.local;

import dev.anyfn.ScheduleEvent;
import dev.anyfn.core.index.TriggerSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's schedules: cron and rate triggers evaluated on the {@link EmulatorClock}. Every
 * occurrence that came due (after the clock was advanced, or as real time passes) is queued as a
 * {@link ScheduleEvent} with its scheduled time; at most {@value #MAX_CATCH_UP} occurrences are
 * queued per schedule per tick and the rest are skipped with a warning. Under a profile whose
 * schedules run one at a time (Azure's), a schedule has one run in flight at most, and the
 * occurrences that come due while one waits for delivery merge into it. Thread-safe.
 */
final class ScheduleSource {
  static final int MAX_CATCH_UP = 1000;

  private final EventHub hub;
  private final EmulatorClock clock;
  private final LogSink log;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, List<Entry>> byFunction = new LinkedHashMap<>();

  /** Whether a schedule runs one occurrence at a time ({@link Profile#schedulesRunOneAtATime}). */
  private final boolean oneAtATime;

  private static final class Entry {
    final EventQueue queue;
    final TriggerSpec.Schedule spec;
    final CronSchedule cron;
    final ZoneId zone;
    Instant next;

    Entry(EventQueue queue, TriggerSpec.Schedule spec, Instant now) {
      this.queue = queue;
      this.spec = spec;
      boolean isCron = spec.cron() != null && !spec.cron().isEmpty();
      this.cron = isCron ? CronSchedule.parse(spec.cron()) : null;
      this.zone = ZoneId.of(spec.zone() == null || spec.zone().isEmpty() ? "UTC" : spec.zone());
      if (!isCron && spec.rateSeconds() < 1) {
        throw new IllegalArgumentException(
            "Schedule of function '"
                + queue.consumer.name()
                + "' has neither a cron expression nor a positive rate; found rate '"
                + spec.rate()
                + "'.");
      }
      this.next = after(now);
    }

    Instant after(Instant t) {
      return cron != null
          ? cron.next(t.atZone(zone)).toInstant()
          : t.plusSeconds(spec.rateSeconds());
    }
  }

  ScheduleSource(
      EventHub hub,
      List<InstancePool> pools,
      EmulatorClock clock,
      LogSink log,
      boolean oneAtATime) {
    this.hub = hub;
    this.clock = clock;
    this.log = log;
    this.oneAtATime = oneAtATime;
    Instant now = clock.instant();
    for (InstancePool pool : pools) {
      int n = 0;
      for (TriggerSpec t : pool.function().spec().triggers()) {
        if (t instanceof TriggerSpec.Schedule s) {
          String name = "schedule/" + pool.name() + (n++ == 0 ? "" : "#" + n);
          EventQueue q = hub.newQueue(name, pool, 1, s);
          if (oneAtATime) {
            q.maxInFlight = 1;
          }
          hub.add(q);
          Entry e = new Entry(q, s, now);
          entries.add(e);
          byFunction.computeIfAbsent(pool.name(), k -> new ArrayList<>()).add(e);
        }
      }
    }
  }

  /** Queues every occurrence due by the clock's now. */
  synchronized void tick() {
    Instant now = clock.instant();
    for (Entry e : entries) {
      int fired = 0;
      int merged = 0;
      while (!e.next.isAfter(now)) {
        if (oneAtATime && hub.hasWaiting(e.queue)) {
          merged++; // one run already waits for the last: it catches up for this one too
        } else {
          if (fired < MAX_CATCH_UP) {
            fire(e, e.next);
          }
          fired++;
        }
        e.next = e.after(e.next);
      }
      if (merged > 0) {
        log.line(
            merged
                + " occurrence(s) of "
                + e.spec.describe()
                + " for function '"
                + e.queue.consumer.name()
                + "' merged into the run that waits: the profile runs a schedule one occurrence"
                + " at a time, as Azure's timer does, and catches up once.");
      }
      if (fired > MAX_CATCH_UP) {
        log.warn(
            (fired - MAX_CATCH_UP)
                + " occurrences of "
                + e.spec.describe()
                + " for function '"
                + e.queue.consumer.name()
                + "' were skipped: the clock jumped too far at once.");
      }
    }
  }

  /**
   * Fires every schedule of a function now.
   *
   * @throws IllegalArgumentException when the function has no schedule
   */
  synchronized List<String> fireNow(String function) {
    List<Entry> list = byFunction.get(function);
    if (list == null) {
      throw new IllegalArgumentException(
          "Function '"
              + function
              + "' has no @OnSchedule trigger; functions with schedules: "
              + byFunction.keySet()
              + ".");
    }
    List<String> ids = new ArrayList<>();
    for (Entry e : list) {
      ids.add(fire(e, clock.instant()));
    }
    return ids;
  }

  /** The delivery queues of a function's schedules, one per schedule; empty when it has none. */
  List<EventQueue> deliveryQueues(String function) {
    return byFunction.getOrDefault(function, List.of()).stream().map(e -> e.queue).toList();
  }

  /** The functions that have a schedule. */
  List<String> scheduledFunctions() {
    return List.copyOf(byFunction.keySet());
  }

  private String fire(Entry e, Instant at) {
    String id = hub.newId();
    String body = "{\"scheduledTime\":\"" + at + "\"}";
    hub.enqueue(
        e.queue,
        id,
        body.getBytes(StandardCharsets.UTF_8),
        Map.of(),
        attempt ->
            ScheduleEvent.builder()
                .id(id)
                .scheduledTime(at)
                .time(at)
                .source("anyfn:local:schedule:" + e.queue.consumer.name())
                .type("anyfn.local.schedule")
                .build());
    return id;
  }

  /** Lines for the start banner. */
  synchronized List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Entry e : entries) {
      lines.add(e.spec.describe() + " -> " + e.queue.consumer.name() + " (next " + e.next + ")");
    }
    return lines;
  }
}
