package dev.anyfn.azure;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Azure cannot run, found before anything is packaged: schedules NCRONTAB cannot express,
 * Cosmos DB change kinds its trigger does not deliver, and resource names Azure refuses in triggers
 * and in {@code @SendsTo}'s queues and topics (see {@link AzureNames}). One sentence per problem,
 * naming the function, the handler and the fix. Stateless.
 */
final class AzurePortability {
  private AzurePortability() {}

  /** What Azure cannot run of {@code index}, with the build options of {@code environment}. */
  static List<String> problems(FunctionIndex index, Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    AzureBuildOptions options = null;
    try {
      options = AzureBuildOptions.from(environment);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage()); // the generator refuses it too; queue flavour unknown
    }
    for (FunctionSpec f : index.functions()) {
      for (HandlerSpec h : f.handlers()) {
        if (h.trigger() instanceof TriggerSpec.Schedule s) {
          schedule(f, h, s, problems);
        } else if (h.trigger() instanceof TriggerSpec.DataChange d) {
          dataChange(f, h, d, problems);
        }
        names(f, h, options, problems);
      }
      for (String queue : options == null ? List.<String>of() : f.sendsTo()) {
        sendsTo(f, queue, options, problems);
      }
      for (String topic : f.publishesTo()) {
        publishesTo(f, topic, problems);
      }
    }
    return List.copyOf(problems);
  }

  /**
   * Reports a queue of {@code @SendsTo} that Azure refuses, by the rule of the queues that {@code
   * options} makes the output bindings write to, as for {@code @OnQueue}.
   */
  private static void sendsTo(
      FunctionSpec f, String queue, AzureBuildOptions options, List<String> problems) {
    AzureNames rule =
        options.serviceBusQueues() ? AzureNames.SERVICE_BUS_QUEUE : AzureNames.STORAGE_QUEUE;
    if (rule.accepts(queue)) {
      return;
    }
    String hint =
        !options.serviceBusQueues() && AzureNames.SERVICE_BUS_QUEUE.accepts(queue)
            ? " A Service Bus queue may have this name: build with ANYFN_AZURE_QUEUE=servicebus"
                + " to send to one."
            : "";
    problems.add(
        "Function '"
            + f.name()
            + "' (@SendsTo) sends to queue "
            + rule.refusal(queue, "Rename it in @SendsTo (and in the @OnQueue that reads it).")
            + hint);
  }

  /**
   * Reports a topic of {@code @SendsTo} that Service Bus refuses, as for {@code @OnTopic}: topics
   * are Service Bus topics whatever the queue flavour.
   */
  private static void publishesTo(FunctionSpec f, String topic, List<String> problems) {
    if (!AzureNames.SERVICE_BUS_TOPIC.accepts(topic)) {
      problems.add(
          "Function '"
              + f.name()
              + "' (@SendsTo) publishes to topic "
              + AzureNames.SERVICE_BUS_TOPIC.refusal(
                  topic, "Rename it in @SendsTo (and in the @OnTopic that reads it)."));
    }
  }

  private static void schedule(
      FunctionSpec f, HandlerSpec h, TriggerSpec.Schedule s, List<String> problems) {
    try {
      Ncrontab.Result r = Ncrontab.convert(s);
      if (r.timeSpan()) {
        problems.add(
            where(f, h)
                + " runs every '"
                + s.rate()
                + "', which no NCRONTAB expression repeats exactly; Azure takes it only as the"
                + " TimeSpan '"
                + r.expression()
                + "', which the Consumption plan rejects. Use a rate that divides an hour or a day"
                + " (for example 5m, 15m, 2h) or a cron expression.");
      }
    } catch (Ncrontab.Inexpressible x) {
      problems.add(where(f, h) + " has a schedule Azure cannot express: " + x.getMessage() + ".");
    }
    if (!Ncrontab.utc(s)) {
      problems.add(
          where(f, h)
              + " runs in zone '"
              + s.zone()
              + "', but Azure evaluates every timer of a function app in one zone, the app setting"
              + " WEBSITE_TIME_ZONE (UTC by default). Use UTC, or set WEBSITE_TIME_ZONE for the"
              + " whole app and accept that it applies to every schedule.");
    }
  }

  private static void dataChange(
      FunctionSpec f, HandlerSpec h, TriggerSpec.DataChange d, List<String> problems) {
    if (d.kinds().contains("REMOVE")) {
      problems.add(
          where(f, h)
              + " wants REMOVE changes of '"
              + d.table()
              + "', but the Cosmos DB change feed (latest-version mode) does not report deletions"
              + " (REMOVE is one of @OnDataChange's default kinds). Declare kinds = {INSERT,"
              + " MODIFY} and mark deleted items with a soft-delete flag instead, which arrives as"
              + " MODIFY.");
    }
    if (!d.kinds().contains("MODIFY")) {
      problems.add(
          where(f, h)
              + " wants only "
              + d.kinds()
              + " changes of '"
              + d.table()
              + "', but the Cosmos DB change feed does not tell inserts from updates: anyfn reports"
              + " every change as MODIFY, so this handler would never run on Azure. Add"
              + " DataChange.Kind.MODIFY.");
    }
  }

  /**
   * Reports the resource names of a handler's trigger that Azure refuses; queue names only when
   * {@code options} (and so the queue flavour) is known.
   */
  private static void names(
      FunctionSpec f, HandlerSpec h, AzureBuildOptions options, List<String> problems) {
    TriggerSpec t = h.trigger();
    if (t instanceof TriggerSpec.Queue q && options != null && options.serviceBusQueues()) {
      check(f, h, "reads queue", q.name(), AzureNames.SERVICE_BUS_QUEUE, "", problems);
    } else if (t instanceof TriggerSpec.Queue q && options != null) {
      String hint =
          AzureNames.SERVICE_BUS_QUEUE.accepts(q.name())
              ? " A Service Bus queue may have this name: build with ANYFN_AZURE_QUEUE=servicebus"
                  + " to read one."
              : "";
      check(f, h, "reads queue", q.name(), AzureNames.STORAGE_QUEUE, hint, problems);
      poisonQueue(f, h, q.name(), problems);
    } else if (t instanceof TriggerSpec.Topic p) {
      check(f, h, "reads topic", p.name(), AzureNames.SERVICE_BUS_TOPIC, "", problems);
      String subscribes =
          "subscribes to topic '" + p.name() + "' as the subscription named after the function,";
      check(f, h, subscribes, f.name(), AzureNames.SERVICE_BUS_SUBSCRIPTION, "", problems);
    } else if (t instanceof TriggerSpec.Storage s) {
      check(f, h, "watches bucket", s.bucket(), AzureNames.BLOB_CONTAINER, "", problems);
    } else if (t instanceof TriggerSpec.DataChange d) {
      check(f, h, "watches table", d.table(), AzureNames.COSMOS_CONTAINER, "", problems);
    }
  }

  /**
   * The host moves a Storage queue message that keeps failing to {@code <queue>-poison} only when
   * that is a valid queue name too; otherwise it has no poison queue and retries the message until
   * it expires (WebJobs' {@code QueueListenerFactory}). A queue that is itself a poison queue is
   * read as such.
   */
  private static void poisonQueue(
      FunctionSpec f, HandlerSpec h, String queue, List<String> problems) {
    String poison = DeadLetterQueues.azureStorage(queue);
    if (AzureNames.STORAGE_QUEUE.accepts(queue)
        && !queue.endsWith("-poison")
        && !AzureNames.STORAGE_QUEUE.accepts(poison)) {
      problems.add(
          where(f, h)
              + " reads queue '"
              + queue
              + "' ("
              + queue.length()
              + " characters), whose poison queue '"
              + poison
              + "' would be longer than the 63 characters Azure allows: the Functions host then"
              + " has no poison queue and retries a message that keeps failing until it expires"
              + " (7 days by default), and it is lost. Shorten the name in @OnQueue to at most 56"
              + " characters.");
    }
  }

  private static void check(
      FunctionSpec f,
      HandlerSpec h,
      String uses,
      String name,
      AzureNames rule,
      String hint,
      List<String> problems) {
    if (!rule.accepts(name)) {
      problems.add(where(f, h) + " " + uses + " " + rule.refusal(name) + hint);
    }
  }

  private static String where(FunctionSpec f, HandlerSpec h) {
    return "Function '" + f.name() + "' (" + h.method() + ", " + h.trigger().describe() + ")";
  }
}
