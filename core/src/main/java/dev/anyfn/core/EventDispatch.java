package dev.anyfn.core;

import dev.anyfn.AlreadyInProgressException;
import dev.anyfn.BatchResult;
import dev.anyfn.Context;
import dev.anyfn.DataChange;
import dev.anyfn.Event;
import dev.anyfn.IdempotencyKeyReusedException;
import dev.anyfn.PermanentFailureException;
import dev.anyfn.QueueMessage;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.BatchOutcome.ItemFailure;
import dev.anyfn.core.index.HandlerSpec.ReturnKind;
import dev.anyfn.core.index.ParameterSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks the handler for a batch of events or a direct invocation, and runs it item by item. */
final class EventDispatch {
  private final FunctionDefinition definition;
  private final FunctionInstance instance;
  private final JsonCodec json;

  EventDispatch(FunctionDefinition definition, FunctionInstance instance) {
    this.definition = definition;
    this.instance = instance;
    this.json = definition.json();
  }

  BatchOutcome handle(List<? extends Event> batch, Context context) {
    if (batch.isEmpty()) {
      return new BatchOutcome(List.of());
    }
    TriggerSpec.Kind kind = kindOf(batch.get(0));
    String name = nameOf(batch.get(0));
    List<ResolvedHandler> byKinds = splitByEventKind(candidates(kind, name));
    if (byKinds.isEmpty()) {
      return run(select(kind, name), batch, context);
    }
    // Handlers of one bucket or table that take different kinds of change (created and deleted
    // files, inserts and removals): each gets the events of its kinds, in order.
    List<ItemFailure> failures = new ArrayList<>();
    Set<Integer> failed = new HashSet<>();
    for (ResolvedHandler handler : byKinds) {
      List<Integer> indexes = new ArrayList<>();
      List<Event> wanted = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        if (wanted(handler.spec().trigger(), batch.get(i))) {
          indexes.add(i);
          wanted.add(batch.get(i));
        }
      }
      if (wanted.isEmpty()) {
        continue;
      }
      for (ItemFailure f : run(handler, wanted, context).failures()) {
        int index = indexes.get(f.index());
        if (failed.add(index)) {
          failures.add(new ItemFailure(index, f.eventId(), f.permanent(), f.code(), f.reason()));
        }
      }
    }
    failures.sort(Comparator.comparingInt(ItemFailure::index));
    return new BatchOutcome(failures);
  }

  /**
   * The handlers among {@code candidates} when they are several, and all storage or data-change
   * handlers, which the events' kinds tell apart; otherwise none.
   */
  private static List<ResolvedHandler> splitByEventKind(List<ResolvedHandler> candidates) {
    boolean byKinds =
        candidates.size() > 1
            && candidates.stream()
                .allMatch(
                    h ->
                        h.spec().trigger() instanceof TriggerSpec.Storage
                            || h.spec().trigger() instanceof TriggerSpec.DataChange);
    return byKinds ? candidates : List.of();
  }

  BatchOutcome handle(TriggerSpec trigger, List<? extends Event> batch, Context context) {
    ResolvedHandler handler =
        definition.handlers().stream()
            .filter(h -> h.spec().trigger().equals(trigger))
            .findFirst()
            .orElseThrow(
                () ->
                    new NoMatchingTriggerException(
                        "Function '"
                            + definition.name()
                            + "' has no trigger "
                            + trigger.describe()
                            + "; its triggers are: "
                            + definition.spec().triggers().stream()
                                .map(TriggerSpec::describe)
                                .collect(Collectors.joining(", "))
                            + "."));
    return batch.isEmpty() ? new BatchOutcome(List.of()) : run(handler, batch, context);
  }

  private BatchOutcome run(ResolvedHandler handler, List<? extends Event> batch, Context context) {
    Event first = batch.get(0);
    for (Event e : batch) {
      if (e.getClass() != first.getClass()) {
        throw new IllegalArgumentException(
            "A batch mixes "
                + first.getClass().getSimpleName()
                + " and "
                + e.getClass().getSimpleName());
      }
    }
    boolean wholeBatch =
        handler.spec().parameters().stream()
            .anyMatch(p -> p.source() == ParameterSpec.Source.EVENT_BATCH);
    return wholeBatch ? runBatch(handler, batch, context) : runEach(handler, batch, context);
  }

  private BatchOutcome runEach(
      ResolvedHandler handler, List<? extends Event> batch, Context context) {
    List<ItemFailure> failures = new ArrayList<>();
    TriggerSpec trigger = handler.spec().trigger();
    boolean timedOut = false;
    for (int i = 0; i < batch.size(); i++) {
      Event event = batch.get(i);
      if (!wanted(trigger, event)) {
        continue;
      }
      if (timedOut) { // the invocation is over: the rest of the batch is retried, not run
        failures.add(
            new ItemFailure(i, event.id(), false, "timed_out", "the invocation had timed out"));
        continue;
      }
      Object[] args;
      Context call = Outbox.around(context, definition);
      Context handlerContext = OnceContext.around(call, handler, instance);
      try {
        args = handler.bind(Invocation.event(event, handlerContext));
      } catch (RuntimeException e) {
        // Reported as a permanent failure: the emulator sets it aside at once, while SQS, say,
        // delivers it again until its redrive policy moves it to the dead-letter queue.
        context
            .log()
            .warn(
                "Event cannot be bound; retrying cannot help",
                "eventId",
                event.id(),
                "reason",
                e.getMessage(),
                "permanent",
                true);
        failures.add(new ItemFailure(i, event.id(), true, "unbindable", e.getMessage()));
        continue;
      }
      boolean succeeded = false;
      try {
        handler.call(instance.target(), args);
        Commit.check(context);
        Outbox.flush(call);
        succeeded = true;
      } catch (Throwable t) {
        timedOut = t instanceof Commit.TooLateException;
        failures.add(failure(i, event, t, handler, context));
      } finally {
        OnceContext.finish(handlerContext, succeeded);
      }
    }
    return new BatchOutcome(failures);
  }

  private BatchOutcome runBatch(
      ResolvedHandler handler, List<? extends Event> batch, Context context) {
    Object result;
    Context call = Outbox.around(context, definition);
    Context handlerContext = OnceContext.around(call, handler, instance);
    boolean succeeded = false;
    try {
      result =
          handler.call(instance.target(), handler.bind(Invocation.batch(batch, handlerContext)));
      Commit.check(context);
      Outbox.flush(call);
      succeeded = true;
    } catch (Throwable t) {
      List<ItemFailure> all = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        all.add(failure(i, batch.get(i), t, handler, context));
      }
      return new BatchOutcome(all);
    } finally {
      OnceContext.finish(handlerContext, succeeded);
    }
    List<String> failedIds = result == null ? List.of() : ((BatchResult) result).failedIds();
    Map<String, Integer> indexById = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      indexById.putIfAbsent(batch.get(i).id(), i);
    }
    List<ItemFailure> failures = new ArrayList<>();
    List<String> unknown = failedIds.stream().filter(id -> !indexById.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      // An identifier that is not in the batch is a handler bug: fail every item so nothing is
      // lost.
      context
          .log()
          .warn("BatchResult names ids not in the batch; failing the whole batch", "ids", unknown);
      for (int i = 0; i < batch.size(); i++) {
        failures.add(
            new ItemFailure(
                i, batch.get(i).id(), false, "handler_error", "unknown id in BatchResult"));
      }
      return new BatchOutcome(failures);
    }
    failedIds.stream()
        .map(indexById::get)
        .distinct()
        .sorted()
        .forEach(
            i ->
                failures.add(
                    new ItemFailure(
                        i,
                        batch.get(i).id(),
                        false,
                        "handler_error",
                        "reported failed by the handler")));
    return new BatchOutcome(failures);
  }

  private ItemFailure failure(
      int index, Event event, Throwable t, ResolvedHandler handler, Context context) {
    if (t instanceof Error) {
      instance.markUnhealthy();
    }
    if (Commit.endedLate(t, context)) {
      String late = Commit.lateWarning(handler.description(), t);
      context.log().warn(late, "eventId", event.id());
      return new ItemFailure(index, event.id(), false, "timed_out", late);
    }
    if (t instanceof AlreadyInProgressException busy) {
      // a duplicate of an event whose work runs elsewhere: retried, nothing went wrong here
      context.log().warn("Event's work runs in another invocation; retried", "eventId", event.id());
      return new ItemFailure(index, event.id(), false, "in_progress", busy.getMessage());
    }
    // a reused idempotency key stays reused on every retry
    boolean permanent =
        t instanceof PermanentFailureException || t instanceof IdempotencyKeyReusedException;
    context
        .log()
        .error(
            "Handler " + handler.description() + " failed on event",
            t,
            "eventId",
            event.id(),
            "permanent",
            permanent);
    String reason =
        t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return new ItemFailure(
        index, event.id(), permanent, permanent ? "permanent_failure" : "handler_error", reason);
  }

  /** Storage and data-change triggers name the kinds they want; other kinds are acknowledged. */
  private static boolean wanted(TriggerSpec trigger, Event event) {
    if (trigger instanceof TriggerSpec.Storage s && event instanceof StorageEvent e) {
      return s.events().contains(e.kind().name());
    }
    if (trigger instanceof TriggerSpec.DataChange d && event instanceof DataChange<?> c) {
      return d.kinds().contains(c.kind().name());
    }
    return true;
  }

  InvokeOutcome invoke(byte[] payload, Context context) {
    ResolvedHandler handler = select(TriggerSpec.Kind.INVOKE, null);
    Object[] args;
    Context call = Outbox.around(context, definition);
    Context handlerContext = OnceContext.around(call, handler, instance);
    try {
      args = handler.bind(Invocation.payload(payload, handlerContext));
    } catch (JsonBodyException e) {
      return InvokeOutcome.failure("invalid_payload", e.getMessage());
    }
    boolean succeeded = false;
    try {
      Object result = handler.call(instance.target(), args);
      byte[] answer =
          handler.spec().returnKind() == ReturnKind.VOID
              ? "null".getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : json.write(result);
      Commit.check(context);
      Outbox.flush(call);
      succeeded = true;
      return InvokeOutcome.success(answer);
    } catch (AlreadyInProgressException e) {
      return InvokeOutcome.failure("in_progress", e.getMessage());
    } catch (Throwable t) {
      if (t instanceof Error) {
        instance.markUnhealthy();
      }
      if (Commit.endedLate(t, context)) {
        context.log().warn(Commit.lateWarning(handler.description(), t));
        return InvokeOutcome.failure("timed_out", Commit.DID_NOT_FINISH);
      }
      context.log().error("Handler " + handler.description() + " failed", t);
      return InvokeOutcome.failure(
          "handler_error",
          "The function failed; see its logs for request " + context.requestId() + ".");
    } finally {
      OnceContext.finish(handlerContext, succeeded);
    }
  }

  /** The handlers of this kind, narrowed to those of this name when any has it. */
  private List<ResolvedHandler> candidates(TriggerSpec.Kind kind, String name) {
    List<ResolvedHandler> ofKind =
        definition.handlers().stream().filter(h -> h.spec().trigger().kind() == kind).toList();
    if (name != null) {
      List<ResolvedHandler> byName =
          ofKind.stream().filter(h -> name.equals(triggerName(h.spec().trigger()))).toList();
      if (!byName.isEmpty()) {
        return byName;
      }
    }
    return ofKind;
  }

  private ResolvedHandler select(TriggerSpec.Kind kind, String name) {
    List<ResolvedHandler> candidates = candidates(kind, name);
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    String triggers =
        definition.spec().triggers().stream()
            .map(TriggerSpec::describe)
            .collect(Collectors.joining(", "));
    String what = kind + (name == null ? "" : " '" + name + "'");
    throw new NoMatchingTriggerException(
        "Function '"
            + definition.name()
            + "' has "
            + (candidates.isEmpty() ? "no trigger for " : "several triggers and none named for ")
            + what
            + " events; its triggers are: "
            + (triggers.isEmpty() ? "none" : triggers)
            + ". Route this event source to a function that declares a matching trigger.");
  }

  static TriggerSpec.Kind kindOf(Event e) {
    if (e instanceof QueueMessage) {
      return TriggerSpec.Kind.QUEUE;
    }
    if (e instanceof TopicMessage) {
      return TriggerSpec.Kind.TOPIC;
    }
    if (e instanceof StorageEvent) {
      return TriggerSpec.Kind.STORAGE;
    }
    if (e instanceof ScheduleEvent) {
      return TriggerSpec.Kind.SCHEDULE;
    }
    return TriggerSpec.Kind.DATA_CHANGE;
  }

  static String nameOf(Event e) {
    if (e instanceof QueueMessage q) {
      return q.queue();
    }
    if (e instanceof TopicMessage t) {
      return t.topic();
    }
    if (e instanceof StorageEvent s) {
      return s.bucket();
    }
    if (e instanceof DataChange<?> d) {
      return d.table();
    }
    return null;
  }

  static String triggerName(TriggerSpec t) {
    if (t instanceof TriggerSpec.Queue q) {
      return q.name();
    }
    if (t instanceof TriggerSpec.Topic p) {
      return p.name();
    }
    if (t instanceof TriggerSpec.Storage s) {
      return s.bucket();
    }
    if (t instanceof TriggerSpec.DataChange d) {
      return d.table();
    }
    return null;
  }
}
