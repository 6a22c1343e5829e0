package dev.anyfn.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import dev.anyfn.core.packaging.HttpTimeouts;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure Functions packager: reports what Azure cannot run (schedules, Cosmos DB change kinds,
 * resource names Azure refuses in triggers and in {@code @SendsTo}'s queues and topics, see {@link
 * AzureNames}) and writes {@code host.json} (extension bundle {@code [4.*, 5.0.0)}, empty HTTP
 * route prefix, the longest function timeout). Microsoft's {@code azure-functions-maven-plugin}
 * then stages {@code target/azure-functions/<appName>/} from the generated entry classes. Found by
 * {@link java.util.ServiceLoader}; not for user code. Immutable.
 *
 * <p>Whether {@code @OnQueue} and {@code @SendsTo} name Storage or Service Bus queues is the build
 * option {@code ANYFN_AZURE_QUEUE}, which {@link AzureEntryGenerator} reads from the compiler's
 * environment. The function index does not record it, so the packager reads the same variable from
 * its own environment: within one {@code mvn package}, the compiler and the anyfn plugin run in the
 * same Maven process (or a forked compiler inheriting its environment) and see the same value.
 */
public final class AzurePackager implements ProviderPackager {
  /** The file written into the output directory. */
  static final String HOST_JSON = "host.json";

  private final Map<String, String> environment;

  /** Creates the packager, reading the {@code ANYFN_AZURE_*} build options from the environment. */
  public AzurePackager() {
    this(System.getenv());
  }

  /**
   * Creates a packager reading the {@code ANYFN_AZURE_*} build options from {@code environment}.
   */
  AzurePackager(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String provider() {
    return "azure";
  }

  @Override
  public String adapterArtifactId() {
    return "anyfn-adapter-azure";
  }

  /** Microsoft's plugin stages the app under {@code target/azure-functions/<appName>/}. */
  @Override
  public Optional<String> deployCommand(String descriptors) {
    return Optional.of(
        "mvn azure-functions:deploy, or func azure functionapp publish <appName> in"
            + " target/azure-functions/<appName> (a stage is its own function app)");
  }

  @Override
  public List<String> portabilityProblems(FunctionIndex index) {
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

  /** How long Azure's load balancer waits for an HTTP answer, whatever functionTimeout says. */
  static final int HTTP_TIMEOUT_SECONDS = 230;

  /** The longest functionTimeout of the Consumption plan (10 minutes). */
  static final int CONSUMPTION_MAX_TIMEOUT_SECONDS = 600;

  @Override
  public List<String> warnings(FunctionIndex index) {
    List<String> warnings = new ArrayList<>();
    for (FunctionSpec fn : index.functions()) {
      if (fn.timeoutSeconds() > CONSUMPTION_MAX_TIMEOUT_SECONDS) {
        warnings.add(
            "Function '"
                + fn.name()
                + "' has a timeout of "
                + fn.timeoutSeconds()
                + " s, which becomes the app's functionTimeout in host.json; the Consumption plan"
                + " allows at most "
                + CONSUMPTION_MAX_TIMEOUT_SECONDS
                + " s and its host would not start. Deploy to a Flex Consumption, Premium or"
                + " Dedicated plan, or use timeoutSeconds = "
                + CONSUMPTION_MAX_TIMEOUT_SECONDS
                + " or less.");
      }
    }
    warnings.addAll(
        HttpTimeouts.longerThanFrontDoor(
            index, HTTP_TIMEOUT_SECONDS, "Azure's load balancer", 502));
    return warnings;
  }

  private static String where(FunctionSpec f, HandlerSpec h) {
    return "Function '" + f.name() + "' (" + h.method() + ", " + h.trigger().describe() + ")";
  }

  @Override
  public void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException {
    Path out = context.outputDirectory().resolve(HOST_JSON);
    Files.writeString(out, hostJson(index));
  }

  /** The host.json of an index. */
  static String hostJson(FunctionIndex index) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode host = mapper.createObjectNode();
    host.put("version", "2.0");
    ObjectNode bundle = host.putObject("extensionBundle");
    bundle.put("id", "Microsoft.Azure.Functions.ExtensionBundle");
    bundle.put("version", "[4.*, 5.0.0)");
    int timeout = index.functions().stream().mapToInt(FunctionSpec::timeoutSeconds).max().orElse(0);
    if (timeout > 0) {
      host.put(
          "functionTimeout",
          String.format(
              Locale.ROOT, "%02d:%02d:%02d", timeout / 3600, (timeout % 3600) / 60, timeout % 60));
    }
    host.putObject("extensions").putObject("http").put("routePrefix", "");
    try {
      return mapper.writeValueAsString(host) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("host.json cannot be written", e);
    }
  }
}
