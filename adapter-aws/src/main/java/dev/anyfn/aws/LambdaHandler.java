package dev.anyfn.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.Provider;
import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.core.JsonBodyException;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.MessageSender;
import dev.anyfn.core.Problems;
import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The AWS Lambda entry point of every anyfn function: handler string {@code
 * dev.anyfn.aws.LambdaHandler::handleRequest}, with the function named by the environment variable
 * {@code ANYFN_FUNCTION} (the generated SAM template sets both). The event source is recognised by
 * its explicit discriminators and translated by one translator per source; the core routes, binds
 * and invokes.
 *
 * <p>Failures are never acknowledged by accident: HTTP failures are answered as problem responses
 * (500 with the request id for a handler exception); SQS, Kinesis and DynamoDB Streams failures are
 * returned as {@code batchItemFailures}; SNS, S3 and EventBridge failures, direct-invocation
 * failures, unknown events and deadline overruns are thrown, so the runtime posts an invocation
 * error and Lambda retries.
 *
 * <p>The runtime calls one instance from one thread at a time; the instance is nonetheless safe to
 * call from several threads (Lambda Managed Instances).
 */
public final class LambdaHandler implements RequestStreamHandler {
  /** Lambda's synchronous response limit (6 MB). */
  static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

  /** Writes proxy responses: a plain factory, as answers hold only strings, numbers, booleans. */
  private static final JsonFactory ANSWERS = new JsonFactory();

  private final AwsSettings settings;
  private final FunctionRuntime runtime;
  private final FunctionDefinition function;
  private final JsonCodec json;
  private final DeadlineWatchdog watchdog = new DeadlineWatchdog();
  private final Map<EventSource, HttpTranslator> httpTranslators = new EnumMap<>(EventSource.class);
  private final Map<EventSource, RecordTranslator> recordTranslators =
      new EnumMap<>(EventSource.class);
  private final Object instanceLock = new Object();
  private final RecordBatchAnswer batches;
  private final HttpApiEventReader httpApiEvents;
  private final boolean hasHttpRoutes;
  private final boolean hasInvokeHandler;
  private final SnapStartPriming priming;

  /** SQS and SNS for a function with {@code @SendsTo}; null for one that sends nothing. */
  private final MessageSender sender;

  private volatile FunctionInstance instance;
  private volatile boolean nextIsColdStart = true;

  /**
   * Called by the Lambda runtime: reads the environment and loads the function index.
   *
   * @throws dev.anyfn.core.ConfigurationException when {@code ANYFN_FUNCTION} is missing or names
   *     no function of the index
   */
  public LambdaHandler() {
    this(System.getenv(), LambdaHandler.class.getClassLoader());
  }

  LambdaHandler(Map<String, String> environment, ClassLoader loader) {
    // Lambdas, not SqsBatches::connect: a method reference would load SqsBatches, and
    // verifying it the SDK, when the handler is made; these run only on a first send or publish.
    this(
        environment,
        loader,
        region -> SqsBatches.connect(region),
        region -> SnsBatches.connect(region));
  }

  /**
   * @param sqs makes the SQS client for a region, on the first send of a function with
   *     {@code @SendsTo(queues)}
   * @param sns makes the SNS client for a region, on the first publish of a function with
   *     {@code @SendsTo(topics)}
   */
  LambdaHandler(
      Map<String, String> environment,
      ClassLoader loader,
      Function<String, SqsBatches> sqs,
      Function<String, SnsBatches> sns) {
    this.settings = AwsSettings.from(environment);
    this.runtime =
        FunctionRuntime.of(
            servedFunction(FunctionIndex.load(loader), settings.functionName()),
            loader,
            RuntimeSettings.builder()
                .provider(Provider.AWS)
                .environment(settings.environment())
                .build());
    this.function = runtime.function(settings.functionName());
    this.json = runtime.json();
    this.batches = new RecordBatchAnswer(function, json);
    this.httpApiEvents = new HttpApiEventReader(runtime.settings());
    this.hasHttpRoutes = !function.spec().handlers(TriggerSpec.Kind.HTTP).isEmpty();
    this.hasInvokeHandler = !function.spec().handlers(TriggerSpec.Kind.INVOKE).isEmpty();
    this.sender =
        function.spec().sends()
            ? new AwsMessageSender(function.name(), settings.environment(), sqs, sns)
            : null;
    ResourceNames names = ResourceNames.fromEnvironment(environment);
    httpTranslators.put(EventSource.HTTP_API_V2, new ApiGatewayV2Translator());
    httpTranslators.put(EventSource.FUNCTION_URL, new FunctionUrlTranslator());
    httpTranslators.put(EventSource.REST_API_V1, new ApiGatewayV1Translator());
    httpTranslators.put(EventSource.ALB, new AlbTranslator());
    recordTranslators.put(EventSource.SQS, new SqsTranslator(names));
    recordTranslators.put(EventSource.SNS, new SnsTranslator(names));
    recordTranslators.put(EventSource.S3, new S3Translator(names));
    recordTranslators.put(EventSource.DYNAMODB, new DynamoDbStreamsTranslator(names));
    recordTranslators.put(EventSource.KINESIS, new KinesisTranslator(names));
    EventBridgeTranslator eventBridge = new EventBridgeTranslator(names);
    recordTranslators.put(EventSource.EVENTBRIDGE, eventBridge);
    recordTranslators.put(EventSource.SCHEDULED_EVENT, eventBridge);
    this.priming =
        "true".equalsIgnoreCase(environment.get(AwsPackager.SNAPSTART_VARIABLE))
            ? SnapStartPriming.register(this)
            : null;
  }

  /**
   * The index reduced to the one function this Lambda serves: only its classes are loaded (a
   * shorter cold start), and routes of the project's other functions, deployed as other Lambdas,
   * cannot conflict with its own.
   */
  private static FunctionIndex servedFunction(FunctionIndex index, String name) {
    FunctionSpec spec =
        index
            .function(name)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "No function named '"
                            + name
                            + "'; this deployment has "
                            + index.functions().stream().map(FunctionSpec::name).toList()
                            + ". Check the function name in the deployment configuration"
                            + " (ANYFN_FUNCTION)."));
    return new FunctionIndex(FunctionIndex.FORMAT_VERSION, List.of(spec));
  }

  /**
   * Handles one invocation.
   *
   * @throws BadEventException (unchecked) for an event this function cannot take
   * @throws FunctionFailedException (unchecked) when the function failed on an event Lambda must
   *     retry, or overran its deadline
   * @throws IOException when the runtime's streams fail
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context lambda)
      throws IOException {
    byte[] payload = input.readAllBytes();
    boolean coldStart = instance == null || nextIsColdStart;
    FunctionInstance target = instance();
    nextIsColdStart = false;
    long remainingMillis = lambda.getRemainingTimeInMillis();
    DeadlineWatchdog.Watch watch = watchdog.watch(remainingMillis);
    InvocationContext context = context(lambda, coldStart, remainingMillis, watch);
    // The most frequent event in one streaming pass; anything else as a tree.
    HttpApiEventReader.Recognised httpApi = httpApiEvents.read(payload);
    JsonNode event = httpApi == null ? parse(payload) : null;
    EventSource source =
        httpApi != null
            ? httpApi.source()
            : event == null ? EventSource.RAW : EventSource.of(event);
    DeadlineWatchdog.Outcome<byte[]> outcome =
        watchdog.run(watch, () -> dispatch(source, event, httpApi, payload, target, context));
    if (outcome.timedOut()) {
      context
          .log()
          .error(
              "Function '" + function.name() + "' ran past its deadline and was interrupted",
              null,
              "source",
              source.name());
      retire(target);
      if (source.isHttp()) {
        HttpResponse timeout =
            Problems.response(
                504, "timed_out", "The function did not finish in time.", context.requestId());
        output.write(httpAnswer(source, event, timeout, context));
        return;
      }
      throw new FunctionFailedException(
          "Function '"
              + function.name()
              + "' did not finish before the Lambda deadline (request "
              + context.requestId()
              + "); raise its timeoutSeconds or make it faster.");
    }
    output.write(outcome.value());
  }

  private FunctionInstance instance() {
    FunctionInstance current = instance;
    if (current != null && current.healthy()) {
      return current;
    }
    synchronized (instanceLock) {
      if (instance == null || !instance.healthy()) {
        FunctionInstance unhealthy = instance;
        instance = null;
        if (unhealthy != null) {
          unhealthy.retire(); // a handler threw an Error: its @OnShutdown runs, as on a timeout
        }
        nextIsColdStart = true;
        instance = function.newInstance(new StartupContext(function.name(), runtime.settings()));
      }
      return instance;
    }
  }

  /**
   * After a timeout the instance may hold half-done work: the next invocation gets a new one (a
   * cold start), as it would after Lambda recycles the sandbox.
   */
  private void retire(FunctionInstance timedOut) {
    synchronized (instanceLock) {
      if (instance == timedOut) {
        instance = null;
      }
    }
    timedOut.retire(); // its @OnShutdown runs once the interrupted handler has returned
  }

  private InvocationContext context(
      Context lambda, boolean coldStart, long remainingMillis, DeadlineWatchdog.Watch watch) {
    return InvocationContext.builder()
        .requestId(lambda.getAwsRequestId())
        .functionName(function.name())
        .provider(Provider.AWS)
        .deadline(Instant.now().plusMillis(remainingMillis))
        .coldStart(coldStart)
        .traceId(LambdaHandler::xrayTraceId, traceHeader(lambda)) // parsed only if asked
        .deploymentId(lambda.getInvokedFunctionArn())
        .logSink(runtime.settings().logSink())
        .messageSender(sender)
        // a handler that ran on past the alarm, answered as timed out, commits nothing
        .commitGate(() -> !watch.timedOut())
        .build();
  }

  /** The runtime interface client's per-invocation property of the X-Ray trace header. */
  static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

  /**
   * The invocation's X-Ray trace header: from the context, else from the property the runtime
   * interface client sets for each invocation (a context whose class predates {@code
   * getXrayTraceId} answers the interface's default, null).
   */
  static String traceHeader(Context lambda) {
    String id = lambda.getXrayTraceId();
    return id != null ? id : System.getProperty(TRACE_HEADER_PROPERTY);
  }

  /**
   * The trace id of an X-Ray trace header ({@code Root=1-5759e988-bd862e3fe1be46a994272793;
   * Parent=53995c3f42cd8ad8;Sampled=1}): its {@code Root}, or null when it names none.
   */
  static String xrayTraceId(String header) {
    for (String part : header.split(";")) {
      String field = part.strip();
      if (field.startsWith("Root=") && field.length() > "Root=".length()) {
        return field.substring("Root=".length());
      }
    }
    return null;
  }

  /** The event as JSON, or null when it is not JSON (a raw payload for a direct invocation). */
  private JsonNode parse(byte[] payload) {
    if (payload.length == 0) {
      return null;
    }
    try {
      return json.readEvent(payload);
    } catch (JsonBodyException e) {
      if (!e.code().equals("limit_exceeded") && !e.code().equals("body_too_deep")) {
        return null; // not an event: a raw payload for a direct invocation, which reports it
      }
      // JSON past the event limits: never taken for a raw payload (an HTTP event would reach the
      // @OnInvoke handler)
      throw new BadEventException(
          "Function '"
              + function.name()
              + "' received an event it cannot read: "
              + e.getMessage()
              + " Lambda's own limits keep events far below anyfn's; report this event's source.");
    }
  }

  private byte[] dispatch(
      EventSource source,
      JsonNode event,
      HttpApiEventReader.Recognised httpApi,
      byte[] payload,
      FunctionInstance target,
      InvocationContext context) {
    if (source.isHttp()) {
      return http(source, event, httpApi, target, context);
    }
    RecordTranslator records = recordTranslators.get(source);
    if (records != null) {
      return batches.answer(source, records, event, target, context);
    }
    if (source == EventSource.RAW) {
      return invoke(payload, target, context);
    }
    throw new BadEventException(TriggerMismatch.unsupported(function, source, event));
  }

  /** {@code event} is null when {@code httpApi} holds the fields the fast path read. */
  private byte[] http(
      EventSource source,
      JsonNode event,
      HttpApiEventReader.Recognised httpApi,
      FunctionInstance target,
      InvocationContext context) {
    if (!hasHttpRoutes) {
      throw new BadEventException(TriggerMismatch.noTrigger(function, source, "HTTP routes"));
    }
    HttpResponse response;
    try {
      HttpRequest request =
          httpApi != null
              ? httpApi.event().toRequest()
              : httpTranslators.get(source).request(event);
      response = target.handleHttp(request, context);
    } catch (InvalidHttpRequestException e) {
      response = Problems.response(400, e.code(), e.getMessage(), context.requestId());
    }
    return httpAnswer(source, event, response, context);
  }

  private byte[] httpAnswer(
      EventSource source, JsonNode event, HttpResponse response, InvocationContext context) {
    HttpTranslator translator = httpTranslators.get(source);
    String lost = source == EventSource.ALB ? AlbTranslator.cookiesLost(response, event) : null;
    if (lost != null) {
      context.log().error(lost, null, "status", response.statusCode());
      response = Problems.internalError(context.requestId());
    }
    byte[] answer = proxyResponse(translator, response, event);
    if (answer.length <= MAX_RESPONSE_BYTES) {
      return answer;
    }
    String detail = tooLarge(answer.length);
    context.log().error(detail, null, "status", response.statusCode());
    HttpResponse problem =
        Problems.response(500, "response_too_large", detail, context.requestId());
    return proxyResponse(translator, problem, event);
  }

  /** The front door's proxy response, streamed into bytes. */
  private static byte[] proxyResponse(
      HttpTranslator translator, HttpResponse response, JsonNode event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + response.body().length * 4 / 3);
    try (JsonGenerator out = ANSWERS.createGenerator(bytes)) {
      translator.response(response, event, out);
    } catch (IOException e) {
      // Only strings, numbers and booleans into memory: this cannot fail.
      throw new UncheckedIOException("Writing the proxy response in memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static String tooLarge(int bytes) {
    return "The response is "
        + bytes
        + " bytes; AWS Lambda's limit for a synchronous response is "
        + MAX_RESPONSE_BYTES
        + " bytes (6 MB). Return less data, or store it (for example in S3) and return a link.";
  }

  private byte[] invoke(byte[] payload, FunctionInstance target, InvocationContext context) {
    if (!hasInvokeHandler) {
      throw new BadEventException(TriggerMismatch.unsupported(function, EventSource.RAW, null));
    }
    InvokeOutcome outcome = target.invoke(payload, context);
    if (!outcome.succeeded()) {
      throw new FunctionFailedException(outcome.errorCode() + ": " + outcome.errorMessage());
    }
    if (outcome.json().length > MAX_RESPONSE_BYTES) {
      String detail = tooLarge(outcome.json().length);
      context.log().error(detail, null);
      throw new FunctionFailedException(detail);
    }
    return outcome.json();
  }

  /**
   * SnapStart priming: initialise the instance (constructor and {@code @OnInit}) and warm the
   * translation, routing and JSON paths without calling a handler.
   */
  void prime() {
    instance();
    ObjectNode warm = json.objectNode();
    warm.put("version", "2.0").put("rawPath", "/").put("rawQueryString", "a=1");
    warm.putObject("requestContext").putObject("http").put("method", "GET");
    HttpTranslator translator = httpTranslators.get(EventSource.HTTP_API_V2);
    byte[] payload = json.write(warm);
    httpApiEvents.read(payload);
    HttpRequest request = translator.request(json.readTree(payload));
    runtime.route(request);
    proxyResponse(
        translator, Problems.response(404, "not_found", "priming", "snapstart-priming"), warm);
  }

  /** After a SnapStart restore the first invocation is this sandbox's cold start. */
  void restored() {
    nextIsColdStart = true;
  }

  @Override
  public String toString() {
    return "LambdaHandler[" + function.name() + "]" + (priming == null ? "" : " with SnapStart");
  }
}
