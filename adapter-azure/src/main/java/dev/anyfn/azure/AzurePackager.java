package dev.anyfn.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.HttpTimeouts;
import dev.anyfn.core.packaging.OpenApiDocuments;
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
 * The Azure Functions packager: reports what Azure cannot run ({@link AzurePortability}) and writes
 * {@code host.json} (extension bundle {@code [4.*, 5.0.0)}, empty HTTP route prefix, the longest
 * function timeout). Microsoft's {@code azure-functions-maven-plugin} then stages {@code
 * target/azure-functions/<appName>/} from the generated entry classes. Found by {@link
 * java.util.ServiceLoader}; not for user code. Immutable.
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

  /** The routes' OpenAPI document as Azure serves them, beside host.json. */
  static final String OPENAPI_JSON = "openapi.json";

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
    return AzurePortability.problems(index, environment);
  }

  /** How long Azure's load balancer waits for an HTTP answer, whatever functionTimeout says. */
  static final int HTTP_TIMEOUT_SECONDS = 230;

  /**
   * HTTP invocations one instance runs at once: the Consumption plan's default of the host's {@code
   * extensions.http.maxConcurrentRequests} (the Java worker itself runs invocations on an unbounded
   * thread pool). Written into host.json so that the deployment does what the emulator's azure
   * profile does, whatever the default of the plan the app lands on.
   */
  static final int MAX_CONCURRENT_REQUESTS = 100;

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

  @Override
  public void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException {
    Path out = context.outputDirectory().resolve(HOST_JSON);
    Files.writeString(out, hostJson(index, serviceBusQueues()));
    // The routes as Azure serves them: under each function's name when there are several.
    Path openApi = context.outputDirectory().resolve(OPENAPI_JSON);
    Files.deleteIfExists(openApi);
    Optional<byte[]> document = OpenApiDocuments.inJar(context.artifactPath());
    if (document.isPresent()) {
      Files.write(
          openApi,
          AzureEntry.routesPrefixed(index)
              ? OpenApiDocuments.underFunctionNames(document.get())
              : document.get());
    }
  }

  /**
   * Whether {@code @OnQueue} binds Service Bus queues ({@code ANYFN_AZURE_QUEUE=servicebus}); false
   * for a bad value, which {@link #portabilityProblems} reports.
   */
  private boolean serviceBusQueues() {
    try {
      return AzureBuildOptions.from(environment).serviceBusQueues();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * How long the Service Bus extension renews a message's lock while a function runs, unless
   * host.json says otherwise: {@code extensions.serviceBus.maxAutoLockRenewalDuration}, 5 minutes
   * (the Service Bus SDK's {@code ServiceBusProcessorOptions.MaxAutoLockRenewalDuration}).
   */
  static final int SERVICE_BUS_LOCK_RENEWAL_SECONDS = 300;

  /**
   * The host.json of an index. When a function with a Service Bus trigger ({@code @OnTopic}, or
   * {@code @OnQueue} with {@code serviceBusQueues}) may run longer than the extension renews a
   * message's lock by default, the lock is renewed for its timeout: otherwise the lock lapses while
   * the handler still runs, Service Bus delivers the message again to another instance, and after
   * the queue's {@code MaxDeliveryCount} moves it to the dead-letter queue although it may have
   * been handled (Azure/azure-functions-host#1026).
   */
  static String hostJson(FunctionIndex index, boolean serviceBusQueues) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode host = mapper.createObjectNode();
    host.put("version", "2.0");
    ObjectNode bundle = host.putObject("extensionBundle");
    bundle.put("id", "Microsoft.Azure.Functions.ExtensionBundle");
    bundle.put("version", "[4.*, 5.0.0)");
    int timeout = index.functions().stream().mapToInt(FunctionSpec::timeoutSeconds).max().orElse(0);
    if (timeout > 0) {
      host.put("functionTimeout", timeSpan(timeout));
    }
    ObjectNode extensions = host.putObject("extensions");
    extensions
        .putObject("http")
        .put("routePrefix", "")
        .put("maxConcurrentRequests", MAX_CONCURRENT_REQUESTS);
    int serviceBus =
        index.functions().stream()
            .filter(fn -> readsServiceBus(fn, serviceBusQueues))
            .mapToInt(FunctionSpec::timeoutSeconds)
            .max()
            .orElse(0);
    if (serviceBus > SERVICE_BUS_LOCK_RENEWAL_SECONDS) {
      extensions.putObject("serviceBus").put("maxAutoLockRenewalDuration", timeSpan(serviceBus));
    }
    try {
      return mapper.writeValueAsString(host) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("host.json cannot be written", e);
    }
  }

  private static boolean readsServiceBus(FunctionSpec fn, boolean serviceBusQueues) {
    return fn.triggers().stream()
        .anyMatch(
            t ->
                t instanceof TriggerSpec.Topic
                    || (serviceBusQueues && t instanceof TriggerSpec.Queue));
  }

  /** {@code hh:mm:ss}, as host.json writes durations. */
  private static String timeSpan(int seconds) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  }
}
