package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.anyfn.core.index.CorsSpec;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsPackagerTest {
  @TempDir Path project;

  private static HandlerSpec handler(String method, TriggerSpec trigger) {
    return new HandlerSpec(
        method, List.of(), "void", HandlerSpec.ReturnKind.VOID, trigger, List.of());
  }

  private static FunctionIndex index(TriggerSpec... triggers) {
    return index(10, triggers);
  }

  private static FunctionIndex index(int maxInstances, TriggerSpec... triggers) {
    List<HandlerSpec> handlers = new java.util.ArrayList<>();
    for (int i = 0; i < triggers.length; i++) {
      handlers.add(handler("h" + i, triggers[i]));
    }
    return new FunctionIndex(
        1,
        List.of(
            new FunctionSpec(
                "order-api", "a.OrderApi", 512, 30, maxInstances, List.of(), List.of(), handlers)));
  }

  private JsonNode write(FunctionIndex index, Map<String, String> env) throws Exception {
    return write(index, env, 17);
  }

  private JsonNode write(FunctionIndex index, Map<String, String> env, int javaRelease)
      throws Exception {
    Path out = project.resolve("target/anyfn/aws");
    new AwsPackager()
        .writeDescriptors(
            index,
            new PackagingContext(
                out, project, "shop", project.resolve("target/shop-aws.jar"), env, javaRelease));
    return new YAMLMapper().readTree(Files.readString(out.resolve("template.yaml")));
  }

  /** A name as the template gives it: after the stage's prefix, its NamePrefix parameter. */
  private static String named(String name) {
    return "${NamePrefix}" + name;
  }

  @Test
  void anHttpFunctionWithATimeoutLongerThanTheHttpApiWaitsIsWarnedAbout() {
    FunctionIndex slowHttp =
        new FunctionIndex(
            1,
            List.of(
                new FunctionSpec(
                    "report",
                    "a.Report",
                    512,
                    60,
                    10,
                    List.of(),
                    List.of(),
                    List.of(handler("h0", new TriggerSpec.Http("GET", "/report")))),
                new FunctionSpec(
                    "batch",
                    "a.Batch",
                    512,
                    600,
                    10,
                    List.of(),
                    List.of(),
                    List.of(handler("h0", new TriggerSpec.Queue("jobs", 10))))));

    assertThat(new AwsPackager().warnings(slowHttp))
        .singleElement()
        .asString()
        .contains("Function 'report' answers HTTP routes and has a timeout of 60 s")
        .contains("waits at most 30 s");
    assertThat(new AwsPackager().warnings(index(new TriggerSpec.Http("GET", "/")))).isEmpty();
  }

  @Test
  void aQueueReaderWithOneInstanceIsWarnedAboutThrottledMessagesAndGetsNoScalingConfig()
      throws Exception {
    FunctionIndex one = index(1, new TriggerSpec.Queue("jobs", 10));

    assertThat(new AwsPackager().warnings(one))
        .singleElement()
        .asString()
        .startsWith("Function 'order-api' reads a queue with maxInstances = 1.")
        .contains("Use maxInstances = 2 or more");
    assertThat(
            write(one, Map.of())
                .at("/Resources/OrderApiFunction/Properties/Events/H0Queue/Properties")
                .has("ScalingConfig"))
        .isFalse();
  }

  @Test
  void queuesOfOneFunctionShareItsInstancesAndTooFewForTwoEachAreWarnedAbout() throws Exception {
    FunctionIndex three =
        index(3, new TriggerSpec.Queue("jobs", 10), new TriggerSpec.Queue("jobs-poison", 10));

    assertThat(new AwsPackager().warnings(three))
        .singleElement()
        .asString()
        .startsWith("Function 'order-api' reads 2 queues with maxInstances = 3.")
        .contains("Use maxInstances = 4 or more");
    JsonNode events = write(three, Map.of()).at("/Resources/OrderApiFunction/Properties/Events");
    assertThat(events.at("/H0Queue/Properties/ScalingConfig/MaximumConcurrency").asInt())
        .isEqualTo(2); // Lambda's least
    assertThat(
            new AwsPackager()
                .warnings(index(4, new TriggerSpec.Queue("a", 1), new TriggerSpec.Queue("b", 1))))
        .isEmpty();
  }

  @Test
  void aDisabledFunctionsQueueAndStreamEventsAreDisabledSoNothingIsReadAndDeadLettered()
      throws Exception {
    JsonNode t =
        write(
            index(
                0,
                new TriggerSpec.Queue("jobs", 10),
                new TriggerSpec.DataChange("users", List.of("INSERT"))),
            Map.of());

    JsonNode events = t.at("/Resources/OrderApiFunction/Properties/Events");
    assertThat(t.at("/Resources/OrderApiFunction/Properties/ReservedConcurrentExecutions").asInt())
        .isZero();
    assertThat(events.at("/H0Queue/Properties/Enabled").isBoolean()).isTrue();
    assertThat(events.at("/H0Queue/Properties/Enabled").asBoolean()).isFalse();
    assertThat(events.at("/H1DataChange/Properties/Enabled").asBoolean(true)).isFalse();
    assertThat(
            write(index(new TriggerSpec.Queue("jobs", 10)), Map.of())
                .at("/Resources/OrderApiFunction/Properties/Events/H0Queue/Properties")
                .has("Enabled"))
        .isFalse();
  }

  @Test
  void environmentVariablesOverLambdasFourKilobytesAsJsonAreAProblem() {
    FunctionIndex index = index(new TriggerSpec.Http("GET", "/"));
    // {"ANYFN_FUNCTION":"order-api","ANYFN_NAME_PREFIX":"","BIG":"xxx..."}: 62 bytes around
    String fits = "x".repeat(4096 - 62);

    assertThat(new AwsPackager().environmentProblems(index, Map.of("BIG", fits))).isEmpty();
    assertThat(new AwsPackager().environmentProblems(index, Map.of("BIG", fits + "x")))
        .singleElement()
        .asString()
        .contains("Function 'order-api': its environment variables measure 4097 bytes")
        .contains("over Lambda's limit of 4096 (4 KB)");
  }

  @Test
  void anEnvironmentThatSetsTheNamePrefixIsAProblemSayingWhereTheStagesPrefixIsChosen() {
    assertThat(
            new AwsPackager()
                .environmentProblems(
                    index(new TriggerSpec.Http("GET", "/")), Map.of("ANYFN_NAME_PREFIX", "dev-")))
        .singleElement()
        .asString()
        .contains("<environment> sets ANYFN_NAME_PREFIX")
        .contains("sam deploy --parameter-overrides NamePrefix=dev-");
  }

  @Test
  void everyNameTakesTheStagesPrefixFromTheNamePrefixParameterWhoseLengthKeepsNamesWithinLimits()
      throws Exception {
    // the bucket's limit is the tightest: 63 - 20 characters
    JsonNode t =
        write(
            index(
                new TriggerSpec.Queue("orders", 1),
                new TriggerSpec.Storage("uploads-of-customers", List.of("CREATED")),
                new TriggerSpec.DataChange("users", List.of("INSERT"))),
            Map.of());

    JsonNode prefix = t.at("/Parameters/NamePrefix");
    assertThat(prefix.get("Type").asText()).isEqualTo("String");
    assertThat(prefix.get("Default").asText()).isEmpty();
    assertThat(prefix.get("MaxLength").asInt()).isEqualTo(43);
    String allowed = prefix.get("AllowedPattern").asText();
    assertThat(allowed).isEqualTo("^([a-z][a-z0-9-]*)?$");
    assertThat("dev-").matches(allowed);
    assertThat("").matches(allowed);
    assertThat("Dev-").doesNotMatch(allowed);
    assertThat("dev_").doesNotMatch(allowed);
    assertThat("1dev-").as("Google's names start with a letter too").doesNotMatch(allowed);
    assertThat(prefix.get("ConstraintDescription").asText()).contains("at most 43 characters");

    JsonNode fn = t.at("/Resources/OrderApiFunction/Properties");
    assertThat(fn.get("FunctionName").asText()).isEqualTo(named("order-api"));
    assertThat(fn.at("/Environment/Variables/ANYFN_NAME_PREFIX").asText()).isEqualTo("NamePrefix");
    assertThat(t.at("/Resources/UploadsOfCustomersBucket/Properties/BucketName").asText())
        .isEqualTo(named("uploads-of-customers"));
    assertThat(t.at("/Resources/UsersTable/Properties/TableName").asText())
        .isEqualTo(named("users"));
    assertThat(t.at("/Resources/OrdersQueue/Properties/QueueName").asText())
        .isEqualTo(named("orders"));
  }

  @Test
  void theDeployCommandNamesTheTemplateThePackagerWroteAndTheStagesParameter() throws Exception {
    write(index(new TriggerSpec.Http("GET", "/")), Map.of());
    String command = new AwsPackager().deployCommand("target/anyfn/aws").orElseThrow();

    assertThat(command).startsWith("sam deploy --guided --template-file ").contains("NamePrefix");
    String template = command.split(" ")[4];
    assertThat(project.resolve(template)).isRegularFile();
  }

  private static final CorsSpec CORS =
      new CorsSpec(List.of("https://app.example.com"), List.of(), List.of(), false, 600);

  private static FunctionSpec function(String name, CorsSpec cors, TriggerSpec... triggers) {
    List<HandlerSpec> handlers = new java.util.ArrayList<>();
    for (int i = 0; i < triggers.length; i++) {
      handlers.add(handler("h" + i, triggers[i]));
    }
    return new FunctionSpec(
        name,
        "a.F" + name.length(),
        512,
        30,
        10,
        List.of(),
        List.of(),
        handlers,
        cors,
        List.of(),
        List.of());
  }

  @Test
  void aFunctionWithCorsGetsAnOptionsRouteForEachOfItsPathsSoThatPreflightsReachIt()
      throws Exception {
    JsonNode t =
        write(
            new FunctionIndex(
                1,
                List.of(
                    function(
                        "web",
                        CORS,
                        new TriggerSpec.Http("GET", "/items"),
                        new TriggerSpec.Http("POST", "/items"),
                        new TriggerSpec.Http("DELETE", "/items/{id}")),
                    function("plain", null, new TriggerSpec.Http("GET", "/plain")))),
            Map.of());

    List<String> webRoutes = new java.util.ArrayList<>();
    t.at("/Resources/WebFunction/Properties/Events")
        .forEach(
            e ->
                webRoutes.add(
                    e.at("/Properties/Method").asText() + " " + e.at("/Properties/Path").asText()));
    assertThat(webRoutes)
        .containsExactlyInAnyOrder(
            "GET /items",
            "HEAD /items",
            "POST /items",
            "DELETE /items/{id}",
            "OPTIONS /items",
            "OPTIONS /items/{id}");
    assertThat(t.at("/Resources/PlainFunction/Properties/Events").toString())
        .doesNotContain("OPTIONS");
  }

  @Test
  void aPathTwoFunctionsServeIsAProblemWhenEitherHasCorsAsOnlyOneGetsThePreflight() {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                function("reader", CORS, new TriggerSpec.Http("GET", "/items")),
                function("writer", null, new TriggerSpec.Http("POST", "/items"))));

    assertThat(new AwsPackager().portabilityProblems(index))
        .containsExactly(
            "Path /items is served by functions ['reader', 'writer'], one with @Cors; API"
                + " Gateway sends a browser's preflight (OPTIONS) for a path to one function"
                + " only. Serve the path from one function.");
  }

  @Test
  void aRouteTwoFunctionsServeIsAProblemAsTheHttpApiSendsItToOneOfThem() {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                function("reader", null, new TriggerSpec.Http("GET", "/items/{id}")),
                function("archive", null, new TriggerSpec.Http("GET", "/items/{key}")),
                function("writer", null, new TriggerSpec.Http("POST", "/items/{id}"))));

    assertThat(new AwsPackager().portabilityProblems(index))
        .singleElement(STRING)
        .contains("Route GET /items/{key} is served twice")
        .contains("function 'reader'")
        .contains("function 'archive'")
        .contains("share one HTTP API");
  }

  @Test
  void aNameAtItsLimitLeavesNoRoomForAPrefix() throws Exception {
    JsonNode t =
        write(index(new TriggerSpec.Storage("b".repeat(63), List.of("CREATED"))), Map.of());

    assertThat(t.at("/Parameters/NamePrefix/MaxLength").asInt()).isZero();
  }

  @Test
  void aJarThatUnzipsBeyondLambdasTwoHundredFiftyMegabytesIsRefused() {
    assertThat(new AwsPackager().artifactProblem(262_143_999L)).isEmpty();
    assertThat(new AwsPackager().artifactProblem(300_000_000L))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("unzips to 300000000 bytes")
                    .contains("limit for a function's unzipped deployment package is 262144000"));
  }

  @Test
  void theRuntimeIsJava21UnlessTheClassesNeedANewerJava() throws Exception {
    FunctionIndex index = index(new TriggerSpec.Http("GET", "/"));
    String runtime = "/Resources/OrderApiFunction/Properties/Runtime";

    assertThat(write(index, Map.of(), 17).at(runtime).asText()).isEqualTo("java21");
    assertThat(write(index, Map.of(), 21).at(runtime).asText()).isEqualTo("java21");
    assertThat(write(index, Map.of(), 22).at(runtime).asText()).isEqualTo("java25");
    assertThat(write(index, Map.of(), 25).at(runtime).asText()).isEqualTo("java25");
  }

  @Test
  void classesNewerThanLambdasNewestJavaAreAProblemNamingTheFix() {
    assertThat(new AwsPackager().javaReleaseProblem(25)).isEmpty();
    assertThat(new AwsPackager().javaReleaseProblem(26))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("compiled for Java 26")
                    .contains("the newest Java runtime of AWS Lambda is java25")
                    .contains("<maven.compiler.release>25</maven.compiler.release>"));
  }

  @Test
  void maxInstancesIsReservedConcurrencyAndZeroThrottlesTheFunction() throws Exception {
    TriggerSpec route = new TriggerSpec.Http("GET", "/");
    assertThat(
            write(index(10, route), Map.of())
                .at("/Resources/OrderApiFunction/Properties/ReservedConcurrentExecutions")
                .asInt(-1))
        .isEqualTo(10);
    assertThat(
            write(index(0, route), Map.of())
                .at("/Resources/OrderApiFunction/Properties/ReservedConcurrentExecutions")
                .asInt(-1))
        .isZero();
  }

  @Test
  void reservedConcurrencyCanBeLeftOutButADisabledFunctionStaysDisabled() throws Exception {
    TriggerSpec route = new TriggerSpec.Http("GET", "/");
    Map<String, String> noReservation = Map.of("ANYFN_AWS_RESERVE_CONCURRENCY", "false");
    assertThat(
            write(index(10, route), noReservation)
                .at("/Resources/OrderApiFunction/Properties")
                .has("ReservedConcurrentExecutions"))
        .isFalse();
    assertThat(
            write(index(0, route), noReservation)
                .at("/Resources/OrderApiFunction/Properties/ReservedConcurrentExecutions")
                .asInt(-1))
        .isZero();
  }

  @Test
  void packagerIsFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(ProviderPackager.class).stream().map(p -> p.get().provider()))
        .contains("aws");
  }

  @Test
  void templateHasOneServerlessFunctionWithHandlerRuntimeCodeUriAndFunctionName() throws Exception {
    JsonNode t =
        write(index(new TriggerSpec.Http("GET", "/files/{path+}")), Map.of("STAGE", "prod"));
    assertThat(t.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
    assertThat(t.get("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
    JsonNode fn = t.at("/Resources/OrderApiFunction");
    assertThat(fn.get("Type").asText()).isEqualTo("AWS::Serverless::Function");
    JsonNode p = fn.get("Properties");
    assertThat(p.get("Handler").asText()).isEqualTo("dev.anyfn.aws.LambdaHandler::handleRequest");
    assertThat(p.get("Runtime").asText()).isEqualTo("java21");
    assertThat(p.get("CodeUri").asText()).isEqualTo("../../shop-aws.jar");
    assertThat(p.get("MemorySize").asInt()).isEqualTo(512);
    assertThat(p.get("Timeout").asInt()).isEqualTo(30);
    assertThat(p.at("/Environment/Variables/ANYFN_FUNCTION").asText()).isEqualTo("order-api");
    assertThat(p.at("/Environment/Variables/STAGE").asText()).isEqualTo("prod");
    assertThat(p.has("SnapStart")).isFalse();
    JsonNode http = p.at("/Events/H0Http");
    assertThat(http.get("Type").asText()).isEqualTo("HttpApi");
    assertThat(http.at("/Properties/Path").asText()).isEqualTo("/files/{path+}");
    assertThat(http.at("/Properties/Method").asText()).isEqualTo("GET");
  }

  @Test
  void everyHttpRouteWaitsTheHttpApisMostNotSamsDefault() throws Exception {
    JsonNode events =
        write(index(new TriggerSpec.Http("GET", "/files/{path+}")), Map.of())
            .at("/Resources/OrderApiFunction/Properties/Events");

    assertThat(events.at("/H0Http/Properties/TimeoutInMillis").asInt()).isEqualTo(30_000);
    assertThat(events.at("/H0HttpHead/Properties/TimeoutInMillis").asInt()).isEqualTo(30_000);
  }

  @Test
  void aGetRouteIsAlsoAHeadRouteAsAnyfnsRouterAnswersIt() throws Exception {
    JsonNode events =
        write(index(new TriggerSpec.Http("GET", "/files/{path+}")), Map.of())
            .at("/Resources/OrderApiFunction/Properties/Events");

    assertThat(events.at("/H0HttpHead/Type").asText()).isEqualTo("HttpApi");
    assertThat(events.at("/H0HttpHead/Properties/Path").asText()).isEqualTo("/files/{path+}");
    assertThat(events.at("/H0HttpHead/Properties/Method").asText()).isEqualTo("HEAD");
  }

  @Test
  void aPathWithItsOwnHeadRouteGetsNoSecondHeadRoute() throws Exception {
    JsonNode events =
        write(
                index(
                    new TriggerSpec.Http("GET", "/files"), new TriggerSpec.Http("HEAD", "/files")),
                Map.of())
            .at("/Resources/OrderApiFunction/Properties/Events");

    List<String> methods = new java.util.ArrayList<>();
    events.forEach(e -> methods.add(e.at("/Properties/Method").asText()));
    assertThat(methods).containsExactlyInAnyOrder("GET", "HEAD");
  }

  @Test
  void otherMethodsGetNoHeadRoute() throws Exception {
    JsonNode events =
        write(index(new TriggerSpec.Http("POST", "/files")), Map.of())
            .at("/Resources/OrderApiFunction/Properties/Events");

    assertThat(events.size()).isEqualTo(1);
  }

  @Test
  void eventSourcesGetEventsAndResources() throws Exception {
    JsonNode t =
        write(
            index(
                new TriggerSpec.Queue("orders", 5),
                new TriggerSpec.Topic("alerts"),
                new TriggerSpec.Storage("uploads", List.of("CREATED", "DELETED")),
                new TriggerSpec.DataChange("users", List.of("INSERT")),
                new TriggerSpec.Schedule("", "5m", 300, "UTC"),
                new TriggerSpec.Schedule("30 9 * * 1-5", "", 0, "Europe/Paris"),
                new TriggerSpec.Queue("payments.fifo", 10)),
            Map.of());
    JsonNode events = t.at("/Resources/OrderApiFunction/Properties/Events");
    assertThat(events.at("/H0Queue/Type").asText()).isEqualTo("SQS");
    assertThat(events.at("/H0Queue/Properties/FunctionResponseTypes/0").asText())
        .isEqualTo("ReportBatchItemFailures");
    assertThat(events.at("/H0Queue/Properties/BatchSize").asInt()).isEqualTo(5);
    // The poller does not heed ReservedConcurrentExecutions; maxInstances (10) caps it, shared
    // by the function's two queues so that together they stay within it.
    assertThat(events.at("/H0Queue/Properties/ScalingConfig/MaximumConcurrency").asInt())
        .isEqualTo(5);
    assertThat(events.at("/H6Queue/Properties/ScalingConfig/MaximumConcurrency").asInt())
        .isEqualTo(5);
    assertThat(t.at("/Resources/OrdersQueue/Type").asText()).isEqualTo("AWS::SQS::Queue");
    assertThat(t.at("/Resources/OrdersQueue/Properties/VisibilityTimeout").asInt()).isEqualTo(180);
    assertThat(events.at("/H6Queue/Properties/Queue").toString()).contains("PaymentsFifoQueue");
    assertThat(t.at("/Resources/PaymentsFifoQueue/Properties/QueueName").asText())
        .isEqualTo(named("payments.fifo"));
    assertThat(t.at("/Resources/PaymentsFifoQueue/Properties/FifoQueue").asBoolean()).isTrue();
    assertThat(events.at("/H1Topic/Type").asText()).isEqualTo("SNS");
    assertThat(events.at("/H1TopicRule/Type").asText()).isEqualTo("EventBridgeRule");
    assertThat(events.at("/H1TopicRule/Properties/Pattern/source/0").asText())
        .isEqualTo(named("alerts"));
    assertThat(t.at("/Resources/AlertsTopic/Type").asText()).isEqualTo("AWS::SNS::Topic");
    assertThat(events.at("/H2Storage/Type").asText()).isEqualTo("S3");
    assertThat(events.at("/H2Storage/Properties/Events").toString())
        .isEqualTo("[\"s3:ObjectCreated:*\",\"s3:ObjectRemoved:*\",\"s3:LifecycleExpiration:*\"]");
    assertThat(t.at("/Resources/UploadsBucket/Type").asText()).isEqualTo("AWS::S3::Bucket");
    assertThat(events.at("/H3DataChange/Type").asText()).isEqualTo("DynamoDB");
    assertThat(events.at("/H3DataChange/Properties/FunctionResponseTypes/0").asText())
        .isEqualTo("ReportBatchItemFailures");
    assertThat(t.at("/Resources/UsersTable/Properties/StreamSpecification/StreamViewType").asText())
        .isEqualTo("NEW_AND_OLD_IMAGES");
    assertThat(events.at("/H4Schedule/Type").asText()).isEqualTo("ScheduleV2");
    assertThat(events.at("/H4Schedule/Properties/ScheduleExpression").asText())
        .isEqualTo("rate(5 minutes)");
    assertThat(events.at("/H5Schedule/Type").asText()).isEqualTo("ScheduleV2");
    assertThat(events.at("/H5Schedule/Properties/ScheduleExpression").asText())
        .isEqualTo("cron(30 9 ? * 2-6 *)");
    assertThat(events.at("/H5Schedule/Properties/ScheduleExpressionTimezone").asText())
        .isEqualTo("Europe/Paris");
    // Without an Input, Scheduler's own payload would not reach the schedule's handler.
    JsonNode input =
        new ObjectMapper().readTree(events.at("/H5Schedule/Properties/Input").asText());
    assertThat(input.get("time").asText()).isEqualTo("<aws.scheduler.scheduled-time>");
    assertThat(input.get("source").asText()).isEqualTo("aws.scheduler");
    // SAM would name it after logical ids, the same in every stage of an account.
    assertThat(events.at("/H5Schedule/Properties/OmitName").asBoolean()).isTrue();
  }

  @Test
  void aQueueMessageReceivedFiveTimesWithoutSuccessMovesToTheQueuesDeadLetterQueue()
      throws Exception {
    JsonNode t =
        write(
            index(new TriggerSpec.Queue("orders", 5), new TriggerSpec.Queue("payments.fifo", 10)),
            Map.of());
    JsonNode redrive = t.at("/Resources/OrdersQueue/Properties/RedrivePolicy");
    assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo("OrdersPoisonQueue.Arn");
    JsonNode dlq = t.at("/Resources/OrdersPoisonQueue/Properties");
    assertThat(t.at("/Resources/OrdersPoisonQueue/Type").asText()).isEqualTo("AWS::SQS::Queue");
    assertThat(dlq.get("QueueName").asText()).isEqualTo(named("orders-poison"));
    assertThat(dlq.get("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
    assertThat(dlq.has("FifoQueue")).isFalse();
    assertThat(dlq.has("RedrivePolicy")).isFalse();
    // The dead-letter queue of a FIFO queue must be a FIFO queue too.
    assertThat(
            t.at("/Resources/PaymentsFifoQueue/Properties/RedrivePolicy/deadLetterTargetArn")
                .asText())
        .isEqualTo("PaymentsPoisonFifoQueue.Arn");
    JsonNode fifoPoison = t.at("/Resources/PaymentsPoisonFifoQueue/Properties");
    assertThat(fifoPoison.get("QueueName").asText()).isEqualTo(named("payments-poison.fifo"));
    assertThat(fifoPoison.get("FifoQueue").asBoolean()).isTrue();
  }

  @Test
  void aDeadLetterQueueThatAFunctionReadsIsTheDeclaredQueueNotASecondOne() throws Exception {
    JsonNode t =
        write(
            index(new TriggerSpec.Queue("orders", 5), new TriggerSpec.Queue("orders-poison", 1)),
            Map.of());
    assertThat(t.at("/Resources/OrdersQueue/Properties/RedrivePolicy/deadLetterTargetArn").asText())
        .isEqualTo("OrdersPoisonQueue.Arn");
    List<String> names = new java.util.ArrayList<>();
    t.get("Resources").forEach(r -> names.add(r.at("/Properties/QueueName").asText("")));
    assertThat(names).containsOnlyOnce(named("orders-poison"));
    // Read by a function, so it has that function's visibility timeout and a dead-letter queue.
    JsonNode read = t.at("/Resources/OrdersPoisonQueue/Properties");
    assertThat(read.get("VisibilityTimeout").asInt()).isEqualTo(180);
    assertThat(read.at("/RedrivePolicy/deadLetterTargetArn").asText())
        .isEqualTo("OrdersPoisonPoisonQueue.Arn");
    // Still the dead-letter queue: it keeps messages 14 days, where the source keeps SQS's 4.
    assertThat(read.get("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
    assertThat(t.at("/Resources/OrdersQueue/Properties").has("MessageRetentionPeriod")).isFalse();
  }

  @Test
  void asynchronousTriggersSendEventsThatFailThreeTimesToTheFunctionsFailureQueue()
      throws Exception {
    for (TriggerSpec async :
        List.of(
            new TriggerSpec.Topic("alerts"),
            new TriggerSpec.Storage("uploads", List.of("CREATED")),
            new TriggerSpec.Schedule("", "5m", 300, "UTC"),
            new TriggerSpec.Schedule("0 9 * * *", "", 0, "UTC"))) {
      JsonNode t = write(index(async), Map.of());
      JsonNode config = t.at("/Resources/OrderApiFunction/Properties/EventInvokeConfig");
      assertThat(config.get("MaximumRetryAttempts").asInt()).as("%s", async).isEqualTo(2);
      assertThat(config.at("/DestinationConfig/OnFailure/Type").asText()).isEqualTo("SQS");
      assertThat(config.at("/DestinationConfig/OnFailure/Destination").asText())
          .isEqualTo("OrderApiFailedEventsQueue.Arn");
      assertThat(t.at("/Resources/OrderApiFailedEventsQueue/Properties/QueueName").asText())
          .isEqualTo(named("order-api-failed-events"));
    }
    for (TriggerSpec sync :
        List.of(
            new TriggerSpec.Http("GET", "/"),
            new TriggerSpec.Queue("orders", 5),
            new TriggerSpec.DataChange("users", List.of("INSERT")))) {
      JsonNode t = write(index(sync), Map.of());
      assertThat(t.at("/Resources/OrderApiFunction/Properties").has("EventInvokeConfig"))
          .as("%s", sync)
          .isFalse();
      assertThat(t.at("/Resources/OrderApiFailedEventsQueue").isMissingNode()).isTrue();
    }
  }

  @Test
  void aStreamBatchThatFailsFiveTimesIsRecordedInTheTablesFailureQueue() throws Exception {
    JsonNode t = write(index(new TriggerSpec.DataChange("app.users", List.of("INSERT"))), Map.of());
    JsonNode stream = t.at("/Resources/OrderApiFunction/Properties/Events/H0DataChange/Properties");
    assertThat(stream.get("MaximumRetryAttempts").asInt()).isEqualTo(4);
    assertThat(stream.at("/DestinationConfig/OnFailure/Type").asText()).isEqualTo("SQS");
    assertThat(stream.at("/DestinationConfig/OnFailure/Destination").asText())
        .isEqualTo("AppUsersStreamFailuresQueue.Arn");
    assertThat(t.at("/Resources/AppUsersStreamFailuresQueue/Properties/QueueName").asText())
        .isEqualTo(named("app-users-stream-failures"));
  }

  private static List<String> problems(TriggerSpec trigger) {
    return new AwsPackager().portabilityProblems(index(trigger));
  }

  @Test
  void resourceNamesAwsRefusesArePackagingProblemsNamingTheFunctionAndTheRule() {
    assertThat(problems(new TriggerSpec.Queue("orders:eu", 1)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("Function 'order-api': @OnQueue(\"orders:eu\") is not an SQS queue name")
        .contains("1-80 letters, digits, hyphens and underscores");
    assertThat(problems(new TriggerSpec.Queue("q".repeat(81), 1))).hasSize(1);
    assertThat(problems(new TriggerSpec.Queue("q".repeat(76) + ".fifo", 1))).hasSize(1);
    assertThat(problems(new TriggerSpec.Topic("alerts.fifo")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("SNS FIFO topic, which delivers only to SQS queues");
    assertThat(problems(new TriggerSpec.Topic("alerts/eu")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("is not an SNS topic name");
    for (String bucket :
        List.of(
            "Uploads",
            "up",
            "b".repeat(64),
            "-uploads",
            "uploads.",
            "my..uploads",
            "192.168.5.4",
            "xn--uploads",
            "sthree-uploads",
            "uploads-s3alias",
            "uploads--ol-s3",
            "my_uploads")) {
      assertThat(problems(new TriggerSpec.Storage(bucket, List.of("CREATED"))))
          .as(bucket)
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("is not an S3 bucket name");
    }
    assertThat(problems(new TriggerSpec.DataChange("us", List.of("INSERT"))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("is not a DynamoDB table name");
    assertThat(problems(new TriggerSpec.DataChange("users#eu", List.of("INSERT")))).hasSize(1);
  }

  @Test
  void resourceNamesAtTheEdgesOfAwsRulesPackage() {
    assertThat(problems(new TriggerSpec.Queue("q", 1))).isEmpty();
    assertThat(problems(new TriggerSpec.Queue("Order_Queue-" + "q".repeat(68), 1))).isEmpty();
    assertThat(problems(new TriggerSpec.Queue("q".repeat(75) + ".fifo", 1))).isEmpty();
    assertThat(problems(new TriggerSpec.Topic("Price_Changes-1"))).isEmpty();
    assertThat(problems(new TriggerSpec.Topic("t".repeat(256)))).isEmpty();
    for (String bucket : List.of("abc", "b".repeat(63), "my.uploads-2", "1uploads9")) {
      assertThat(problems(new TriggerSpec.Storage(bucket, List.of("CREATED"))))
          .as(bucket)
          .isEmpty();
    }
    assertThat(problems(new TriggerSpec.DataChange("app.Users_v2-eu", List.of("INSERT"))))
        .isEmpty();
  }

  @Test
  void namesThatMakeTheSameLogicalIdStillBecomeSeparateResources() throws Exception {
    JsonNode t =
        write(
            index(
                new TriggerSpec.Queue("orders-eu", 1),
                new TriggerSpec.Queue("orders_eu", 1),
                new TriggerSpec.Topic("price-changes"),
                new TriggerSpec.Topic("price_changes")),
            Map.of());
    JsonNode events = t.at("/Resources/OrderApiFunction/Properties/Events");
    assertThat(events.at("/H0Queue/Properties/Queue").asText()).isEqualTo("OrdersEuQueue.Arn");
    assertThat(events.at("/H1Queue/Properties/Queue").asText()).isEqualTo("OrdersEuQueue2.Arn");
    assertThat(t.at("/Resources/OrdersEuQueue/Properties/QueueName").asText())
        .isEqualTo(named("orders-eu"));
    assertThat(t.at("/Resources/OrdersEuQueue2/Properties/QueueName").asText())
        .isEqualTo(named("orders_eu"));
    assertThat(events.at("/H2Topic/Properties/Topic").asText()).isEqualTo("PriceChangesTopic");
    assertThat(events.at("/H3Topic/Properties/Topic").asText()).isEqualTo("PriceChangesTopic2");
    assertThat(t.at("/Resources/PriceChangesTopic2/Properties/TopicName").asText())
        .isEqualTo(named("price_changes"));
  }

  @Test
  void snapStartIsEnabledFromThePackagingEnvironment() throws Exception {
    JsonNode t = write(index(new TriggerSpec.Invoke()), Map.of("ANYFN_AWS_SNAPSTART", "true"));
    JsonNode p = t.at("/Resources/OrderApiFunction/Properties");
    assertThat(p.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
    assertThat(p.get("AutoPublishAlias").asText()).isEqualTo("live");
    assertThat(p.at("/Environment/Variables/ANYFN_AWS_SNAPSTART").asText()).isEqualTo("true");
    assertThat(p.has("Events")).isFalse();
  }

  @Test
  void cronRestrictingBothDayFieldsIsAPortabilityProblem() {
    List<String> problems =
        new AwsPackager()
            .portabilityProblems(index(new TriggerSpec.Schedule("0 12 1 * MON", "", 0, "UTC")));
    assertThat(problems)
        .containsExactly(
            "Function 'order-api': cron '0 12 1 * MON' restricts both day-of-month and day-of-week"
                + " (or is not five fields); EventBridge cannot express that. Restrict only one of"
                + " the two.");
    assertThat(
            new AwsPackager()
                .portabilityProblems(index(new TriggerSpec.Schedule("", "30s", 30, "UTC"))))
        .containsExactly(
            "Function 'order-api': rate '30s' is not a whole number of minutes; EventBridge rates"
                + " start at 1 minute.");
  }

  @Test
  void unixCronBecomesSixFieldEventBridgeCron() {
    assertThat(CronExpressions.toAws("*/15 * * * *")).hasValue("cron(0/15 * * * ? *)");
    // AWS documents steps from a value (0/15), not from * (*/15, which third-party guides disagree
    // on): each step from * starts at the field's first value instead, the same times
    assertThat(CronExpressions.toAws("5 */2 */10 */3 *")).hasValue("cron(5 0/2 1/10 1/3 ? *)");
    // a step over a range is written out as its values, a list AWS documents (a/b only from a
    // value)
    assertThat(CronExpressions.toAws("*/20,7 1-5/2 * * *")).hasValue("cron(0/20,7 1,3,5 * * ? *)");
    assertThat(CronExpressions.toAws("10-50/10 9-17/4 1-20/10 1-12/6 *"))
        .hasValue("cron(10,20,30,40,50 9,13,17 1,11 1,7 ? *)");
    assertThat(CronExpressions.toAws("0 3 1 * *")).hasValue("cron(0 3 1 * ? *)");
    assertThat(CronExpressions.toAws("0 0 * * 0,6")).hasValue("cron(0 0 ? * 1,7 *)");
    assertThat(CronExpressions.toAws("0 0 * * 7")).hasValue("cron(0 0 ? * 1 *)");
    assertThat(CronExpressions.toAws("0 0 * * MON-FRI")).hasValue("cron(0 0 ? * 2-6 *)");
    assertThat(CronExpressions.toAws("0 0 1-7 * *")).hasValue("cron(0 0 1-7 * ? *)");
    assertThat(CronExpressions.toAws("0 12 1 jan,Jul *")).hasValue("cron(0 12 1 JAN,JUL ? *)");
  }

  // EventBridge numbers days 1 (Sunday) to 7 and takes no step in day-of-week: shifting the
  // numbers of the Unix text gave '*/2' (refused at deploy), '7-1' for 6-7 (backwards) and
  // '1-1' for 0-7 (Sundays only, silently).
  @Test
  void unixDayOfWeekIsWrittenOutAsEventBridgeDays() {
    assertThat(CronExpressions.toAws("0 0 * * */2")).hasValue("cron(0 0 ? * 1,3,5,7 *)");
    assertThat(CronExpressions.toAws("0 0 * * 6-7")).hasValue("cron(0 0 ? * 1,7 *)");
    assertThat(CronExpressions.toAws("0 0 * * SAT-7")).hasValue("cron(0 0 ? * 1,7 *)");
    assertThat(CronExpressions.toAws("0 0 * * 0-7")).hasValue("cron(0 0 * * ? *)");
    assertThat(CronExpressions.toAws("0 0 * * 1-7")).hasValue("cron(0 0 * * ? *)");
    assertThat(CronExpressions.toAws("0 0 * JAN 1-5/2")).hasValue("cron(0 0 ? JAN 2,4,6 *)");
    assertThat(CronExpressions.toAws("0 0 * * sun,tue-thu")).hasValue("cron(0 0 ? * 1,3-5 *)");
    assertThat(CronExpressions.rate(60)).hasValue("rate(1 minute)");
    assertThat(CronExpressions.rate(7200)).hasValue("rate(2 hours)");
    assertThat(CronExpressions.rate(86_400)).hasValue("rate(1 day)");
  }

  @Test
  void quotesInNamesAreEscapedInTheYaml() throws Exception {
    JsonNode t = write(index(new TriggerSpec.Http("GET", "/a")), Map.of("GREETING", "it's: #1"));
    assertThat(
            t.at("/Resources/OrderApiFunction/Properties/Environment/Variables/GREETING").asText())
        .isEqualTo("it's: #1");
  }
}
