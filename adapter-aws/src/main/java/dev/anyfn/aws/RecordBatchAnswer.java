package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.Event;
import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.NoMatchingTriggerException;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers a record batch to the function and answers Lambda: {@code batchItemFailures} for the
 * sources that take them (SQS, Kinesis, DynamoDB Streams), otherwise nothing on success and an
 * exception on any failure, so that Lambda retries (SNS, S3, EventBridge). Records that could not
 * be translated count as failed. Immutable and thread-safe.
 */
final class RecordBatchAnswer {
  private final FunctionDefinition function;
  private final JsonCodec json;

  RecordBatchAnswer(FunctionDefinition function, JsonCodec json) {
    this.function = function;
    this.json = json;
  }

  /**
   * The answer to one record event.
   *
   * @throws BadEventException when the function has no trigger for these events
   * @throws FunctionFailedException when an event of a source without item failures failed
   */
  byte[] answer(
      EventSource source,
      RecordTranslator translator,
      JsonNode event,
      FunctionInstance target,
      InvocationContext context) {
    RecordBatch batch = translator.translate(event);
    TriggerSpec trigger = trigger(batch, source);
    List<String> failed;
    try {
      failed =
          batch.ordered()
              ? inOrder(batch, target, context)
              : together(batch, trigger, target, context);
    } catch (NoMatchingTriggerException e) {
      throw new BadEventException(
          "Lambda delivered " + source.description() + ". " + e.getMessage(), e);
    }
    if (translator.reportsItemFailures()) {
      ObjectNode answer = json.objectNode();
      ArrayNode failures = answer.putArray("batchItemFailures");
      failed.stream().distinct().forEach(id -> failures.addObject().put("itemIdentifier", id));
      return json.write(answer);
    }
    if (!failed.isEmpty()) {
      throw new FunctionFailedException(
          failed.size()
              + " of "
              + batch.entries().size()
              + " events of "
              + source.description()
              + " failed in function '"
              + function.name()
              + "' (request "
              + context.requestId()
              + "); Lambda will retry them. Failed: "
              + failed
              + ".");
    }
    return new byte[0];
  }

  /** The trigger the batch names, or null when it names none. */
  private TriggerSpec trigger(RecordBatch batch, EventSource source) {
    if (batch.trigger() == null) {
      return null;
    }
    return function
        .trigger(batch.trigger())
        .orElseThrow(
            () ->
                new BadEventException(
                    "Lambda delivered "
                        + source.description()
                        + " for trigger '"
                        + batch.trigger()
                        + "', which function '"
                        + function.name()
                        + "' does not declare; its triggers are: "
                        + function.spec().triggers().stream().map(TriggerSpec::describe).toList()
                        + ". Deploy the template packaged with this build."));
  }

  /** Every translated event in one call; failures and untranslatable records reported. */
  private static List<String> together(
      RecordBatch batch, TriggerSpec trigger, FunctionInstance target, InvocationContext context) {
    List<Event> events = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (RecordBatch.Entry e : batch.entries()) {
      if (e.event() == null) {
        untranslatable(e, context);
        failed.add(e.itemIdentifier());
      } else {
        events.add(e.event());
        identifiers.add(e.itemIdentifier());
      }
    }
    if (!events.isEmpty()) {
      (trigger == null
              ? target.handleEvents(events, context)
              : target.handleEvents(trigger, events, context))
          .failures().stream().map(f -> identifiers.get(f.index())).forEach(failed::add);
    }
    return failed;
  }

  /**
   * One record at a time, stopping at the first failure, which is reported with every record after
   * it: Lambda redelivers them in order (a FIFO message group, or a stream from that checkpoint).
   */
  private static List<String> inOrder(
      RecordBatch batch, FunctionInstance target, InvocationContext context) {
    List<RecordBatch.Entry> entries = batch.entries();
    for (int i = 0; i < entries.size(); i++) {
      RecordBatch.Entry e = entries.get(i);
      boolean ok;
      if (e.event() == null) {
        untranslatable(e, context);
        ok = false;
      } else {
        ok = target.handleEvents(List.of(e.event()), context).allSucceeded();
      }
      if (!ok) {
        return entries.subList(i, entries.size()).stream()
            .map(RecordBatch.Entry::itemIdentifier)
            .toList();
      }
    }
    return List.of();
  }

  private static void untranslatable(RecordBatch.Entry e, InvocationContext context) {
    context
        .log()
        .warn(
            "Record cannot be translated; reporting it failed",
            "itemIdentifier",
            e.itemIdentifier(),
            "reason",
            e.reason());
  }
}
