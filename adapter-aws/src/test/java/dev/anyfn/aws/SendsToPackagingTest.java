package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.PackagingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function with {@code @SendsTo} gets, in the SAM template, each queue (the one a function reads,
 * or one made alike), its URL in {@code ANYFN_QUEUE_URL_<NAME>} and the permission to send to it,
 * and each topic (the one a function subscribes to, or one made alike), its ARN in {@code
 * ANYFN_TOPIC_ARN_<NAME>} and the permission to publish to it; packaging refuses what SQS or SNS
 * would not take.
 */
class SendsToPackagingTest {
  @TempDir Path project;

  private static FunctionSpec sender(String name, String... queues) {
    return new FunctionSpec(
        name,
        "a.Api",
        512,
        30,
        10,
        List.of(),
        List.of(),
        List.of(handler(new TriggerSpec.Http("POST", "/" + name))),
        null,
        List.of(queues),
        List.of());
  }

  private static FunctionSpec publisher(String name, List<String> queues, String... topics) {
    return new FunctionSpec(
        name,
        "a.Api",
        512,
        30,
        10,
        List.of(),
        List.of(),
        List.of(handler(new TriggerSpec.Http("POST", "/" + name))),
        null,
        queues,
        List.of(topics));
  }

  private static FunctionSpec publisher(String name, String... topics) {
    return publisher(name, List.of(), topics);
  }

  private static FunctionSpec subscriber(String name, String topic) {
    return new FunctionSpec(
        name,
        "a.Listener",
        512,
        30,
        10,
        List.of(),
        List.of(),
        List.of(handler(new TriggerSpec.Topic(topic))));
  }

  private static FunctionSpec reader(String name, int timeoutSeconds, String queue) {
    return new FunctionSpec(
        name,
        "a.Worker",
        512,
        timeoutSeconds,
        10,
        List.of(),
        List.of(),
        List.of(handler(new TriggerSpec.Queue(queue, 10))));
  }

  private static HandlerSpec handler(TriggerSpec trigger) {
    return new HandlerSpec("h", List.of(), "void", HandlerSpec.ReturnKind.VOID, trigger, List.of());
  }

  private String template(FunctionSpec... functions) throws Exception {
    Path out = project.resolve("target/anyfn/aws");
    new AwsPackager()
        .writeDescriptors(
            new FunctionIndex(1, List.of(functions)),
            new PackagingContext(
                out, project, "shop", project.resolve("target/shop-aws.jar"), Map.of()));
    return Files.readString(out.resolve("template.yaml"));
  }

  private static JsonNode yaml(String template) throws Exception {
    return new YAMLMapper().readTree(template);
  }

  private static List<String> problems(FunctionSpec... functions) {
    return new AwsPackager().portabilityProblems(new FunctionIndex(1, List.of(functions)));
  }

  @Test
  void aSendingFunctionGetsEachQueuesUrlInItsEnvironmentAndThePermissionToSendToIt()
      throws Exception {
    String text = template(sender("api", "orders", "audit-log"));
    JsonNode api = yaml(text).at("/Resources/ApiFunction/Properties");

    assertThat(text)
        .contains(
            "          ANYFN_QUEUE_URL_ORDERS: !Ref OrdersQueue\n"
                + "          ANYFN_QUEUE_URL_AUDIT_LOG: !Ref AuditLogQueue\n"
                + "      Policies:\n"
                + "        - SQSSendMessagePolicy:\n"
                + "            QueueName: !GetAtt OrdersQueue.QueueName\n"
                + "        - SQSSendMessagePolicy:\n"
                + "            QueueName: !GetAtt AuditLogQueue.QueueName\n");
    assertThat(api.at("/Environment/Variables/ANYFN_QUEUE_URL_ORDERS").asText())
        .isEqualTo("OrdersQueue");
    assertThat(api.at("/Policies/1/SQSSendMessagePolicy/QueueName").asText())
        .isEqualTo("AuditLogQueue.QueueName");
  }

  @Test
  void aQueueNobodyReadsIsMadeAsAReadQueueIsWithItsPrefixedNameAndPoisonQueue() throws Exception {
    JsonNode sent = yaml(template(sender("api", "audit")));
    JsonNode read = yaml(template(reader("worker", 30, "audit")));

    JsonNode queue = sent.at("/Resources/AuditQueue/Properties");
    assertThat(queue.get("QueueName").asText()).isEqualTo("${NamePrefix}audit");
    assertThat(queue.at("/RedrivePolicy/deadLetterTargetArn").asText())
        .isEqualTo("AuditPoisonQueue.Arn");
    assertThat(queue.at("/RedrivePolicy/maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(sent.at("/Resources/AuditQueue")).isEqualTo(read.at("/Resources/AuditQueue"));
    assertThat(sent.at("/Resources/AuditPoisonQueue"))
        .isEqualTo(read.at("/Resources/AuditPoisonQueue"));
  }

  @Test
  void aQueueAFunctionReadsIsTheQueueSentToWhicheverFunctionComesFirst() throws Exception {
    for (List<FunctionSpec> order :
        List.of(
            List.of(sender("api", "orders"), reader("worker", 60, "orders")),
            List.of(reader("worker", 60, "orders"), sender("api", "orders")))) {
      String text = template(order.toArray(FunctionSpec[]::new));
      JsonNode t = yaml(text);

      List<String> names = new ArrayList<>();
      t.get("Resources").forEach(r -> names.add(r.at("/Properties/QueueName").asText("")));
      assertThat(names).containsOnlyOnce("${NamePrefix}orders");
      // the reader's queue: six times the reader's timeout
      assertThat(t.at("/Resources/OrdersQueue/Properties/VisibilityTimeout").asInt())
          .isEqualTo(360);
      assertThat(text).contains("ANYFN_QUEUE_URL_ORDERS: !Ref OrdersQueue\n");
    }
  }

  @Test
  void aQueueSentToThatIsAReadQueuesPoisonQueueKeepsThatFormWhicheverFunctionComesFirst()
      throws Exception {
    for (List<FunctionSpec> order :
        List.of(
            List.of(sender("api", "orders-poison"), reader("worker", 30, "orders")),
            List.of(reader("worker", 30, "orders"), sender("api", "orders-poison")))) {
      String text = template(order.toArray(FunctionSpec[]::new));
      JsonNode poison = yaml(text).at("/Resources/OrdersPoisonQueue/Properties");

      assertThat(poison.at("/MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
      assertThat(poison.has("RedrivePolicy")).isFalse();
      assertThat(text).contains("ANYFN_QUEUE_URL_ORDERS_POISON: !Ref OrdersPoisonQueue\n");
    }
  }

  @Test
  void aFunctionThatSendsNothingGetsNoQueueVariablesOrPolicies() throws Exception {
    String text = template(reader("worker", 30, "orders"));

    assertThat(text).doesNotContain("ANYFN_QUEUE_URL_", "Policies", "SQSSendMessagePolicy");
  }

  @Test
  void queueNamesSqsRefusesArePackagingProblemsNamingTheFunctionAndTheRule() {
    assertThat(problems(sender("api", "orders:eu")))
        .containsExactly(
            "Function 'api': @SendsTo(queues = \"orders:eu\") is not an SQS queue name: SQS takes"
                + " 1-80 letters, digits, hyphens and underscores, and a FIFO queue's name ends in"
                + " .fifo within those 80. Rename the queue.");
    assertThat(problems(sender("api", "q".repeat(81)))).hasSize(1);
    assertThat(problems(sender("api", "Order_Queue-" + "q".repeat(68)))).isEmpty();
  }

  @Test
  void aFifoQueueIsAProblemAsContextSendGivesNoMessageGroup() {
    assertThat(problems(sender("api", "payments.fifo")))
        .containsExactly(
            "Function 'api': @SendsTo(queues = \"payments.fifo\") names an SQS FIFO queue, which"
                + " takes a message only with a message group id; Context.send gives none. Send to"
                + " a standard queue (a name without .fifo).");
  }

  @Test
  void twoQueuesWhoseUrlsWouldShareAVariableAreAProblemNamingBoth() {
    assertThat(problems(sender("api", "orders", "a-b", "a_b")))
        .containsExactly(
            "Function 'api': @SendsTo names queues 'a-b' and 'a_b', whose URLs would both be in"
                + " the environment variable ANYFN_QUEUE_URL_A_B (the name in upper case, with _"
                + " for every character other than A-Z and 0-9). Rename one of the queues.");
    assertThat(problems(sender("api", "a-b"), sender("audit", "a_b"))).isEmpty();
  }

  @Test
  void anEnvironmentThatSetsAQueuesUrlVariableIsAProblem() {
    FunctionIndex index = new FunctionIndex(1, List.of(sender("api", "orders")));

    assertThat(
            new AwsPackager()
                .environmentProblems(index, Map.of("ANYFN_QUEUE_URL_ORDERS", "https://elsewhere")))
        .containsExactly(
            "Function 'api': <environment> sets ANYFN_QUEUE_URL_ORDERS, which the template sets"
                + " to the URL of the queue 'orders' the function sends to. Remove it from"
                + " <environment>.");
    assertThat(new AwsPackager().environmentProblems(index, Map.of("OTHER", "x"))).isEmpty();
  }

  @Test
  void aSendingFunctionWhoseJarWouldLackTheSdkIsRefusedNamingTheArtifactsToAdd() {
    FunctionIndex index = new FunctionIndex(1, List.of(sender("api", "orders")));
    AwsPackager packager = new AwsPackager();

    assertThat(packager.classPathProblems(index, name -> false))
        .singleElement()
        .asString()
        .contains("Function 'api' sends to queues (@SendsTo) through the AWS SDK's SQS client")
        .contains(
            "lack software.amazon.awssdk:sqs and software.amazon.awssdk:url-connection-client")
        .contains("anyfn-bom manages their versions")
        .contains("README, Sending to queues and topics");
    assertThat(
            packager.classPathProblems(
                index, name -> name.equals("software.amazon.awssdk.services.sqs.SqsClient")))
        .singleElement()
        .asString()
        .contains("lack software.amazon.awssdk:url-connection-client. Add it");
    assertThat(packager.classPathProblems(index, name -> true)).isEmpty();
  }

  @Test
  void theSdkTheOtherProvidersLeaveOutIsTheGroupAndPackageOfEverySdkClassSendingNeeds() {
    assertThat(new AwsPackager().adapterOnlyGroups()).containsExactly("software.amazon.awssdk");
    for (MessagingService service : MessagingService.values()) {
      service
          .sdkClasses()
          .forEach(
              (className, artifact) -> {
                assertThat(className).startsWith("software.amazon.awssdk.");
                assertThat(artifact).startsWith("software.amazon.awssdk:");
              });
    }
  }

  @Test
  void theQueueUrlsAndTopicArnsTheTemplateSetsCountTowardsLambdasFourKilobytes() {
    FunctionIndex index =
        new FunctionIndex(1, List.of(publisher("api", List.of("orders"), "order-events")));
    // {"ANYFN_FUNCTION":"api","ANYFN_NAME_PREFIX":"","ANYFN_QUEUE_URL_ORDERS":
    // "https://sqs.us-east-1.amazonaws.com/000000000000/orders","ANYFN_TOPIC_ARN_ORDER_EVENTS":
    // "arn:aws:sns:us-east-1:000000000000:order-events","BIG":"xxx..."}: 220 bytes around
    String fits = "x".repeat(4096 - 220);

    assertThat(new AwsPackager().environmentProblems(index, Map.of("BIG", fits))).isEmpty();
    assertThat(new AwsPackager().environmentProblems(index, Map.of("BIG", fits + "x")))
        .singleElement()
        .asString()
        .contains("Function 'api': its environment variables measure at least 4097 bytes")
        .contains("with the template's queue URLs and topic ARNs at their shortest")
        .contains("or split the sending among several functions.");
  }

  @Test
  void functionsThatSendNothingNeedNoSdk() {
    FunctionIndex index = new FunctionIndex(1, List.of(reader("worker", 30, "orders")));

    assertThat(new AwsPackager().classPathProblems(index, name -> false)).isEmpty();
    assertThat(
            new AwsPackager()
                .classPathProblems(
                    index,
                    name -> {
                      throw new AssertionError("the dependency jars were searched for " + name);
                    }))
        .isEmpty();
  }

  @Test
  void aPublishingFunctionGetsEachTopicsArnInItsEnvironmentAndThePermissionToPublishToIt()
      throws Exception {
    String text = template(publisher("api", List.of("orders"), "order-events", "audit"));
    JsonNode api = yaml(text).at("/Resources/ApiFunction/Properties");

    assertThat(text)
        .contains(
            "          ANYFN_QUEUE_URL_ORDERS: !Ref OrdersQueue\n"
                + "          ANYFN_TOPIC_ARN_ORDER_EVENTS: !Ref OrderEventsTopic\n"
                + "          ANYFN_TOPIC_ARN_AUDIT: !Ref AuditTopic\n"
                + "      Policies:\n"
                + "        - SQSSendMessagePolicy:\n"
                + "            QueueName: !GetAtt OrdersQueue.QueueName\n"
                + "        - SNSPublishMessagePolicy:\n"
                + "            TopicName: !GetAtt OrderEventsTopic.TopicName\n"
                + "        - SNSPublishMessagePolicy:\n"
                + "            TopicName: !GetAtt AuditTopic.TopicName\n");
    assertThat(api.at("/Environment/Variables/ANYFN_TOPIC_ARN_AUDIT").asText())
        .isEqualTo("AuditTopic");
    assertThat(api.at("/Policies/2/SNSPublishMessagePolicy/TopicName").asText())
        .isEqualTo("AuditTopic.TopicName");
    // publishing subscribes the function to nothing
    List<String> events = new ArrayList<>();
    api.get("Events").forEach(e -> events.add(e.get("Type").asText()));
    assertThat(events).containsOnly("HttpApi");
  }

  @Test
  void aTopicNobodySubscribesToIsMadeAsASubscribedTopicIsWithItsPrefixedName() throws Exception {
    JsonNode published = yaml(template(publisher("api", "order-events")));
    JsonNode subscribed = yaml(template(subscriber("listener", "order-events")));

    JsonNode topic = published.at("/Resources/OrderEventsTopic");
    assertThat(topic.get("Type").asText()).isEqualTo("AWS::SNS::Topic");
    assertThat(topic.at("/Properties/TopicName").asText()).isEqualTo("${NamePrefix}order-events");
    assertThat(topic).isEqualTo(subscribed.at("/Resources/OrderEventsTopic"));
  }

  @Test
  void aTopicAFunctionSubscribesToIsTheTopicPublishedToWhicheverFunctionComesFirst()
      throws Exception {
    for (List<FunctionSpec> order :
        List.of(
            List.of(publisher("api", "order-events"), subscriber("listener", "order-events")),
            List.of(subscriber("listener", "order-events"), publisher("api", "order-events")))) {
      JsonNode t = yaml(template(order.toArray(FunctionSpec[]::new)));

      List<String> topics = new ArrayList<>();
      t.get("Resources").forEach(r -> topics.add(r.at("/Properties/TopicName").asText("")));
      assertThat(topics).containsOnlyOnce("${NamePrefix}order-events");
      assertThat(
              t.at("/Resources/ApiFunction/Properties/Environment/Variables")
                  .get("ANYFN_TOPIC_ARN_ORDER_EVENTS")
                  .asText())
          .isEqualTo("OrderEventsTopic");
      // the subscription SNS delivers the published messages through
      assertThat(t.at("/Resources/ListenerFunction/Properties/Events/HTopic/Type").asText())
          .isEqualTo("SNS");
      assertThat(t.at("/Resources/ListenerFunction/Properties/Events/HTopic/Properties/Topic"))
          .hasToString("\"OrderEventsTopic\"");
    }
  }

  @Test
  void aPublishedTopicsNameBoundsTheStagePrefixAsASubscribedTopicsDoes() throws Exception {
    JsonNode t = yaml(template(publisher("api", "t".repeat(250))));

    assertThat(t.at("/Parameters/NamePrefix/MaxLength").asInt()).isEqualTo(6);
  }

  @Test
  void aFunctionThatPublishesNothingGetsNoTopicVariablesOrPolicies() throws Exception {
    String text = template(subscriber("listener", "order-events"), sender("api", "orders"));

    assertThat(text).doesNotContain("ANYFN_TOPIC_ARN_", "SNSPublishMessagePolicy");
  }

  @Test
  void topicNamesSnsRefusesArePackagingProblemsNamingTheFunctionAndTheRule() {
    assertThat(problems(publisher("api", "order:events")))
        .containsExactly(
            "Function 'api': @SendsTo(topics = \"order:events\") is not an SNS topic name: SNS"
                + " takes 1-256 letters, digits, hyphens and underscores. Rename the topic.");
    assertThat(problems(publisher("api", "t".repeat(257)))).hasSize(1);
    assertThat(problems(publisher("api", "Order_Events-" + "t".repeat(243)))).isEmpty();
  }

  @Test
  void aFifoTopicIsAProblemAsContextPublishGivesNoMessageGroup() {
    assertThat(problems(publisher("api", "payments.fifo")))
        .containsExactly(
            "Function 'api': @SendsTo(topics = \"payments.fifo\") names an SNS FIFO topic, which"
                + " takes a message only with a message group id; Context.publish gives none."
                + " Publish to a standard topic (a name without .fifo).");
  }

  @Test
  void twoTopicsWhoseArnsWouldShareAVariableAreAProblemNamingBoth() {
    assertThat(problems(publisher("api", "order-events", "a-b", "a_b")))
        .containsExactly(
            "Function 'api': @SendsTo names topics 'a-b' and 'a_b', whose ARNs would both be in"
                + " the environment variable ANYFN_TOPIC_ARN_A_B (the name in upper case, with _"
                + " for every character other than A-Z and 0-9). Rename one of the topics.");
    assertThat(problems(publisher("api", "a-b"), publisher("audit", "a_b"))).isEmpty();
    // a queue and a topic of one name have variables of their own
    assertThat(problems(publisher("api", List.of("a-b"), "a_b"))).isEmpty();
  }

  @Test
  void anEnvironmentThatSetsATopicsArnVariableIsAProblem() {
    FunctionIndex index = new FunctionIndex(1, List.of(publisher("api", "order-events")));

    assertThat(
            new AwsPackager()
                .environmentProblems(
                    index, Map.of("ANYFN_TOPIC_ARN_ORDER_EVENTS", "arn:aws:sns:elsewhere")))
        .containsExactly(
            "Function 'api': <environment> sets ANYFN_TOPIC_ARN_ORDER_EVENTS, which the template"
                + " sets to the ARN of the topic 'order-events' the function publishes to. Remove"
                + " it from <environment>.");
  }

  @Test
  void aPublishingFunctionWhoseJarWouldLackTheSnsSdkIsRefusedNamingTheArtifactToAdd() {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                publisher("api", List.of("orders"), "order-events"),
                publisher("audit", "audit-events"),
                sender("billing", "invoices")));
    AwsPackager packager = new AwsPackager();
    String sns = "software.amazon.awssdk.services.sns.SnsClient";

    assertThat(packager.classPathProblems(index, name -> !name.equals(sns)))
        .containsExactly(
            "Functions 'api', 'audit' publish to topics (@SendsTo) through the AWS SDK's SNS"
                + " client, but the project's runtime dependencies lack"
                + " software.amazon.awssdk:sns. Add it to the project's <dependencies> (anyfn-bom"
                + " manages their versions; see anyfn-adapter-aws's README, Sending to queues and"
                + " topics).");
    assertThat(packager.classPathProblems(index, name -> false))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("Functions 'api', 'billing' send to queues"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "lack software.amazon.awssdk:sns and"
                            + " software.amazon.awssdk:url-connection-client. Add them"));
    assertThat(packager.classPathProblems(index, name -> true)).isEmpty();
  }

  @Test
  void functionsThatOnlySendToQueuesNeedNoSnsSdk() {
    FunctionIndex index = new FunctionIndex(1, List.of(sender("api", "orders")));

    assertThat(
            new AwsPackager()
                .classPathProblems(
                    index, name -> !name.equals("software.amazon.awssdk.services.sns.SnsClient")))
        .isEmpty();
  }
}
