package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.CosmosDBTrigger;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueOutput;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueOutput;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusTopicOutput;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AzureEntryGeneratorTest {

  private static Map<String, Method> entries(Class<?> type) {
    Map<String, Method> byName = new TreeMap<>();
    for (Method m : type.getDeclaredMethods()) {
      FunctionName name = m.getAnnotation(FunctionName.class);
      if (name != null) {
        byName.put(name.value(), m);
      }
    }
    return byName;
  }

  private static <A extends Annotation> A trigger(Method m, Class<A> type) {
    return Arrays.stream(m.getParameterAnnotations())
        .flatMap(Arrays::stream)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError(m + " has no @" + type.getSimpleName()));
  }

  @Test
  void generatesOneCompilableClassPerFunction() throws Exception {
    GeneratedEntries g = GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of());
    assertThat(g.errors).isEmpty();
    assertThat(g.sources)
        .containsOnlyKeys(
            "dev.anyfn.generated.azure.ShopAzureFunctions",
            "dev.anyfn.generated.azure.WorkerAzureFunctions");
    ClassLoader loader = g.compile();
    assertThat(loader.loadClass("dev.anyfn.generated.azure.ShopAzureFunctions")).isNotNull();
  }

  @Test
  void httpRoutesShareOneCatchAllEntryAtTheRootWhenOneFunctionServesHttp() throws Exception {
    GeneratedEntries g = GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of());
    Map<String, Method> shop =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.ShopAzureFunctions"));
    assertThat(shop).containsOnlyKeys("shop-http", "shop-invoke");

    HttpTrigger http = trigger(shop.get("shop-http"), HttpTrigger.class);
    assertThat(http.name()).isEqualTo("req");
    assertThat(http.route()).isEqualTo("{*path}");
    assertThat(http.methods()).containsExactly(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST);
    assertThat(http.authLevel()).isEqualTo(AuthorizationLevel.ANONYMOUS);
    assertThat(http.dataType()).isEqualTo("binary");

    HttpTrigger invoke = trigger(shop.get("shop-invoke"), HttpTrigger.class);
    assertThat(invoke.route()).isEqualTo("_invoke/shop");
    assertThat(invoke.methods()).containsExactly(HttpMethod.POST);
    assertThat(invoke.authLevel()).isEqualTo(AuthorizationLevel.FUNCTION);
  }

  @Test
  void aFunctionWithCorsAlsoTakesOptionsSoThatBrowsersPreflightsReachIt() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode index = json.readTree(GeneratedEntries.fixtureIndex());
    for (com.fasterxml.jackson.databind.JsonNode fn : index.get("functions")) {
      if (fn.get("name").asText().equals("shop")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) fn)
            .putObject("cors")
            .put("maxAgeSeconds", 600)
            .putArray("origins")
            .add("https://app.example.com");
      }
    }
    GeneratedEntries g = GeneratedEntries.generate(json.writeValueAsString(index), Map.of());
    Map<String, Method> shop =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.ShopAzureFunctions"));

    assertThat(trigger(shop.get("shop-http"), HttpTrigger.class).methods())
        .containsExactly(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS);
  }

  @Test
  void eachEventTriggerGetsItsOwnAzureFunction() throws Exception {
    GeneratedEntries g = GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of());
    Map<String, Method> worker =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.WorkerAzureFunctions"));
    assertThat(worker)
        .containsOnlyKeys(
            "worker-queue-orders",
            "worker-topic-prices",
            "worker-storage-uploads",
            "worker-storage-archive",
            "worker-schedule",
            "worker-schedule-2",
            "worker-data-stock");
    QueueTrigger queue = trigger(worker.get("worker-queue-orders"), QueueTrigger.class);
    assertThat(queue.queueName()).isEqualTo("orders");
    assertThat(queue.connection()).isEqualTo("AzureWebJobsStorage");
    ServiceBusTopicTrigger topic =
        trigger(worker.get("worker-topic-prices"), ServiceBusTopicTrigger.class);
    assertThat(topic.topicName()).isEqualTo("prices");
    assertThat(topic.subscriptionName()).isEqualTo("worker");
    assertThat(topic.connection()).isEqualTo("ServiceBusConnection");
    BlobTrigger blob = trigger(worker.get("worker-storage-uploads"), BlobTrigger.class);
    assertThat(blob.path()).isEqualTo("uploads/{name}");
    assertThat(blob.dataType()).isEqualTo("binary");
    assertThat(trigger(worker.get("worker-storage-archive"), EventGridTrigger.class).name())
        .isEqualTo("event");
    assertThat(trigger(worker.get("worker-schedule"), TimerTrigger.class).schedule())
        .isEqualTo("0 30 2 * * 1,2,3,4,5");
    CosmosDBTrigger cosmos = trigger(worker.get("worker-data-stock"), CosmosDBTrigger.class);
    assertThat(cosmos.databaseName()).isEqualTo("anyfn");
    assertThat(cosmos.containerName()).isEqualTo("stock");
    assertThat(cosmos.connection()).isEqualTo("CosmosDBConnection");
    assertThat(trigger(worker.get("worker-schedule-2"), TimerTrigger.class).schedule())
        .isEqualTo("0 0 * * * *");
    assertThat(cosmos.leaseContainerName()).isEqualTo("leases");
    // Functions watching one container share the lease container, each with leases of its own.
    assertThat(cosmos.leaseContainerPrefix()).isEqualTo("worker-data-stock-");
    assertThat(cosmos.createLeaseContainerIfNotExists()).isTrue();
  }

  @Test
  void buildEnvironmentSelectsServiceBusQueuesAuthLevelAndDatabase() throws Exception {
    GeneratedEntries g =
        GeneratedEntries.generate(
            GeneratedEntries.fixtureIndex(),
            Map.of(
                "ANYFN_AZURE_QUEUE", "servicebus",
                "ANYFN_AZURE_AUTH_LEVEL", "function",
                "ANYFN_AZURE_COSMOS_DATABASE", "shopdb"));
    ClassLoader loader = g.compile();
    Map<String, Method> worker =
        entries(loader.loadClass("dev.anyfn.generated.azure.WorkerAzureFunctions"));
    ServiceBusQueueTrigger queue =
        trigger(worker.get("worker-queue-orders"), ServiceBusQueueTrigger.class);
    assertThat(queue.queueName()).isEqualTo("orders");
    assertThat(queue.connection()).isEqualTo("ServiceBusConnection");
    assertThat(trigger(worker.get("worker-data-stock"), CosmosDBTrigger.class).databaseName())
        .isEqualTo("shopdb");
    Map<String, Method> shop =
        entries(loader.loadClass("dev.anyfn.generated.azure.ShopAzureFunctions"));
    assertThat(trigger(shop.get("shop-http"), HttpTrigger.class).authLevel())
        .isEqualTo(AuthorizationLevel.FUNCTION);
  }

  /** The {@code A} of each parameter that has one, in parameter order. */
  private static <A extends Annotation> List<A> all(Method m, Class<A> type) {
    return Arrays.stream(m.getParameterAnnotations())
        .flatMap(Arrays::stream)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void everyEntryOfASendingFunctionTakesAStorageQueueOutputPerQueueAndOtherEntriesNone()
      throws Exception {
    GeneratedEntries g =
        GeneratedEntries.generate(
            GeneratedEntries.fixtureIndex("shop", "worker", "sender"), Map.of());
    ClassLoader loader = g.compile();
    Map<String, Method> sender =
        entries(loader.loadClass("dev.anyfn.generated.azure.SenderAzureFunctions"));
    assertThat(sender)
        .containsOnlyKeys("sender-http", "sender-queue-incoming", "sender-data-stock");
    for (Method m : sender.values()) {
      assertThat(all(m, QueueOutput.class))
          .as(m.getName())
          .extracting(QueueOutput::name, QueueOutput::queueName, QueueOutput::connection)
          .containsExactly(
              tuple("sendOrders", "orders", "AzureWebJobsStorage"),
              tuple("sendAuditLog", "audit-log", "AzureWebJobsStorage"));
      assertThat(all(m, ServiceBusTopicOutput.class)).as("a function without topics").isEmpty();
      List<Type> types = Arrays.asList(m.getGenericParameterTypes());
      assertThat(types.subList(types.size() - 3, types.size() - 1))
          .extracting(Type::getTypeName)
          .containsOnly(
              "com.microsoft.azure.functions.OutputBinding<java.util.List<java.lang.String>>");
      assertThat(m.getParameterTypes()[m.getParameterCount() - 1])
          .isEqualTo(ExecutionContext.class);
    }
    assertThat(g.sources.get("dev.anyfn.generated.azure.SenderAzureFunctions"))
        .contains(
            """
                QueueOutputs outputs =
                    QueueOutputs.storage()
                        .bind("orders", sendOrders)
                        .bind("audit-log", sendAuditLog);
                return AzureBridge.http(FUNCTION, "sender", request, context, outputs);
            """);
    for (String other : List.of("ShopAzureFunctions", "WorkerAzureFunctions")) {
      for (Method m : entries(loader.loadClass("dev.anyfn.generated.azure." + other)).values()) {
        assertThat(m.getParameterTypes()).as(m.getName()).doesNotContain(OutputBinding.class);
      }
      assertThat(g.sources.get("dev.anyfn.generated.azure." + other))
          .doesNotContain("QueueOutputs")
          .doesNotContain("ServiceBusTopicOutput");
    }
  }

  @Test
  void withServiceBusQueuesASendingFunctionsOutputsAreServiceBusQueuesOnItsConnection()
      throws Exception {
    GeneratedEntries g =
        GeneratedEntries.generate(
            GeneratedEntries.fixtureIndex("sender"), Map.of("ANYFN_AZURE_QUEUE", "servicebus"));
    Map<String, Method> sender =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.SenderAzureFunctions"));
    for (Method m : sender.values()) {
      assertThat(all(m, QueueOutput.class)).as(m.getName()).isEmpty();
      assertThat(all(m, ServiceBusQueueOutput.class))
          .as(m.getName())
          .extracting(
              ServiceBusQueueOutput::name,
              ServiceBusQueueOutput::queueName,
              ServiceBusQueueOutput::connection)
          .containsExactly(
              tuple("sendOrders", "orders", "ServiceBusConnection"),
              tuple("sendAuditLog", "audit-log", "ServiceBusConnection"));
    }
    assertThat(g.sources.get("dev.anyfn.generated.azure.SenderAzureFunctions"))
        .contains("QueueOutputs.serviceBus()")
        .doesNotContain("QueueOutputs.storage()")
        .doesNotContain("bindTopic");
  }

  @Test
  void everyEntryOfAPublishingFunctionTakesAServiceBusTopicOutputPerTopicAfterItsQueueOutputs()
      throws Exception {
    for (Map<String, String> env : List.of(Map.<String, String>of(), SERVICE_BUS_QUEUES)) {
      GeneratedEntries g =
          GeneratedEntries.generate(GeneratedEntries.fixtureIndex("publisher"), env);
      Map<String, Method> publisher =
          entries(g.compile().loadClass("dev.anyfn.generated.azure.PublisherAzureFunctions"));
      assertThat(publisher)
          .containsOnlyKeys("publisher-http", "publisher-topic-quotes", "publisher-data-stock");
      for (Method m : publisher.values()) {
        assertThat(all(m, ServiceBusTopicOutput.class))
            .as("%s with %s", m.getName(), env)
            .extracting(
                ServiceBusTopicOutput::name,
                ServiceBusTopicOutput::topicName,
                ServiceBusTopicOutput::subscriptionName,
                ServiceBusTopicOutput::connection)
            .containsExactly(
                tuple("publishOrderEvents", "order-events", "publisher", "ServiceBusConnection"),
                tuple("publishAudit", "audit", "publisher", "ServiceBusConnection"));
        List<Type> types = Arrays.asList(m.getGenericParameterTypes());
        assertThat(types.subList(types.size() - 4, types.size() - 1))
            .extracting(Type::getTypeName)
            .containsOnly(
                "com.microsoft.azure.functions.OutputBinding<java.util.List<java.lang.String>>");
        assertThat(outputNames(m))
            .as(m.getName())
            .containsExactly("sendOrders", "publishOrderEvents", "publishAudit");
      }
      assertThat(g.sources.get("dev.anyfn.generated.azure.PublisherAzureFunctions"))
          .contains(
              """
                  QueueOutputs outputs =
                      QueueOutputs.%s
                          .bind("orders", sendOrders)
                          .bindTopic("order-events", publishOrderEvents)
                          .bindTopic("audit", publishAudit);
                  return AzureBridge.http(FUNCTION, "", request, context, outputs);
              """
                  .formatted(env.isEmpty() ? "storage()" : "serviceBus()"));
    }
  }

  private static final Map<String, String> SERVICE_BUS_QUEUES =
      Map.of("ANYFN_AZURE_QUEUE", "servicebus");

  /** The names of the parameters that are output bindings, in parameter order. */
  private static List<String> outputNames(Method m) {
    return Arrays.stream(m.getParameterAnnotations())
        .flatMap(Arrays::stream)
        .map(
            a ->
                a instanceof QueueOutput q
                    ? q.name()
                    : a instanceof ServiceBusQueueOutput q
                        ? q.name()
                        : a instanceof ServiceBusTopicOutput t ? t.name() : null)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  @Test
  void aFunctionThatOnlyPublishesTakesTopicOutputsNamedApartFromItsTriggerAndCompiles()
      throws Exception {
    String longName = "q".repeat(200);
    String index =
        """
        {"formatVersion":1,"functions":[{"name":"relay","className":"a.Relay","memoryMb":512,
         "timeoutSeconds":30,"maxInstances":1,
         "publishesTo":["order-events","order_events","OrderEvents","42","message","%s"],
         "handlers":[{"method":"run","parameterTypes":[],"returnType":"void","returnKind":"VOID",
           "trigger":{"kind":"TOPIC","name":"message"},"parameters":[]}]}]}
        """
            .formatted(longName);
    GeneratedEntries g = GeneratedEntries.generate(index, Map.of());
    Method relay =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.RelayAzureFunctions"))
            .get("relay");

    assertThat(all(relay, QueueOutput.class)).isEmpty();
    List<ServiceBusTopicOutput> outputs = all(relay, ServiceBusTopicOutput.class);
    assertThat(outputs)
        .extracting(ServiceBusTopicOutput::topicName)
        .containsExactly("order-events", "order_events", "OrderEvents", "42", "message", longName);
    assertThat(outputs)
        .extracting(ServiceBusTopicOutput::name)
        .startsWith(
            "publishOrderEvents",
            "publishOrderEvents2",
            "publishOrderEvents3",
            "publish42",
            "publishMessage")
        .allMatch(name -> name.matches("[a-zA-Z][a-zA-Z0-9]{0,127}"), "a valid binding name");
    assertThat(outputs.get(5).name()).isEqualTo("publishQ" + "q".repeat(112));
    assertThat(trigger(relay, ServiceBusTopicTrigger.class).name()).isEqualTo("message");
    assertThat(g.sources.get("dev.anyfn.generated.azure.RelayAzureFunctions"))
        .contains(
            "QueueOutputs.storage()\n            .bindTopic(\"order-events\", publishOrderEvents)");
  }

  @Test
  void aQueueAndATopicOfOneNameGetTwoBindingsOfDifferentNames() throws Exception {
    String index =
        """
        {"formatVersion":1,"functions":[{"name":"relay","className":"a.Relay","memoryMb":512,
         "timeoutSeconds":30,"maxInstances":1,"sendsTo":["orders"],"publishesTo":["orders"],
         "handlers":[{"method":"run","parameterTypes":[],"returnType":"void","returnKind":"VOID",
           "trigger":{"kind":"QUEUE","name":"message","batchSize":1},"parameters":[]}]}]}
        """;
    GeneratedEntries g =
        GeneratedEntries.generate(index, Map.of("ANYFN_AZURE_QUEUE", "servicebus"));
    Method relay =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.RelayAzureFunctions"))
            .get("relay");

    assertThat(outputNames(relay)).containsExactly("sendOrders", "publishOrders");
    assertThat(trigger(relay, ServiceBusQueueOutput.class).queueName()).isEqualTo("orders");
    assertThat(trigger(relay, ServiceBusTopicOutput.class).topicName()).isEqualTo("orders");
  }

  @Test
  void outputBindingNamesAreLettersAndDigitsUniqueIgnoringCaseAndCompile() throws Exception {
    String longName = "q".repeat(200);
    String index =
        """
        {"formatVersion":1,"functions":[{"name":"relay","className":"a.Relay","memoryMb":512,
         "timeoutSeconds":30,"maxInstances":1,
         "sendsTo":["audit-log","audit_log","AuditLog","42","\\u00fcn\\u00efcode","%s"],
         "handlers":[{"method":"run","parameterTypes":[],"returnType":"void","returnKind":"VOID",
           "trigger":{"kind":"QUEUE","name":"message","batchSize":1},"parameters":[]}]}]}
        """
            .formatted(longName);
    GeneratedEntries g = GeneratedEntries.generate(index, Map.of());
    Method relay =
        entries(g.compile().loadClass("dev.anyfn.generated.azure.RelayAzureFunctions"))
            .get("relay");

    List<QueueOutput> outputs = all(relay, QueueOutput.class);
    assertThat(outputs)
        .extracting(QueueOutput::queueName)
        .containsExactly("audit-log", "audit_log", "AuditLog", "42", "ünïcode", longName);
    assertThat(outputs)
        .extracting(QueueOutput::name)
        .startsWith("sendAuditLog", "sendAuditLog2", "sendAuditLog3", "send42", "sendNCode")
        .allMatch(name -> name.matches("[a-zA-Z][a-zA-Z0-9]{0,127}"), "a valid binding name")
        .doesNotContain("message");
    assertThat(outputs.get(5).name()).isEqualTo("sendQ" + "q".repeat(115));
  }

  @Test
  void severalHttpFunctionsArePrefixedByTheirNames() throws Exception {
    String index =
        """
        {"formatVersion":1,"functions":[
         {"name":"site","className":"a.Site","memoryMb":512,"timeoutSeconds":30,"maxInstances":1,
          "handlers":[{"method":"get","parameterTypes":[],"returnType":"java.lang.String",
           "returnKind":"TEXT","trigger":{"kind":"HTTP","method":"PUT","path":"/x"},
           "parameters":[]}]},
         {"name":"api","className":"a.Api","memoryMb":512,"timeoutSeconds":30,"maxInstances":1,
          "handlers":[{"method":"get","parameterTypes":[],"returnType":"java.lang.String",
           "returnKind":"TEXT","trigger":{"kind":"HTTP","method":"DELETE","path":"/y"},
           "parameters":[]}]}]}
        """;
    GeneratedEntries g = GeneratedEntries.generate(index, Map.of());
    ClassLoader loader = g.compile();
    HttpTrigger site =
        trigger(
            entries(loader.loadClass("dev.anyfn.generated.azure.SiteAzureFunctions")).get("site"),
            HttpTrigger.class);
    assertThat(site.route()).isEqualTo("site/{*path}");
    assertThat(site.methods()).containsExactly(HttpMethod.PUT);
    HttpTrigger api =
        trigger(
            entries(loader.loadClass("dev.anyfn.generated.azure.ApiAzureFunctions")).get("api"),
            HttpTrigger.class);
    assertThat(api.route()).isEqualTo("api/{*path}");
  }

  @Test
  void scheduleThatNcrontabCannotExpressIsACompileError() throws Exception {
    String index =
        """
        {"formatVersion":1,"functions":[{"name":"report","className":"a.Report","memoryMb":512,
         "timeoutSeconds":30,"maxInstances":1,"handlers":[
          {"method":"run","parameterTypes":[],"returnType":"void","returnKind":"VOID",
           "trigger":{"kind":"SCHEDULE","cron":"0 8 1 * MON","rate":"","rateSeconds":0,
                      "zone":"UTC"},"parameters":[]}]}]}
        """;
    GeneratedEntries g = GeneratedEntries.generate(index, Map.of());
    assertThat(g.sources).isEmpty();
    assertThat(g.errors)
        .containsExactly(
            "Function 'report' cannot run on Azure Functions: its schedule cron '0 8 1 * MON'"
                + " restricts both day-of-month (1) and day-of-week (MON): cron runs when either"
                + " matches, NCRONTAB only when both match. Use two schedules, one per day field."
                + " Azure's timer trigger takes six-field NCRONTAB or a TimeSpan.");
  }

  @Test
  void badBuildVariableIsACompileErrorNamingIt() throws Exception {
    GeneratedEntries g =
        GeneratedEntries.generate(
            GeneratedEntries.fixtureIndex(), Map.of("ANYFN_AZURE_AUTH_LEVEL", "public"));
    assertThat(g.sources).isEmpty();
    assertThat(g.errors)
        .containsExactly(
            "anyfn Azure: ANYFN_AZURE_AUTH_LEVEL is 'public'; expected ANONYMOUS, FUNCTION or"
                + " ADMIN. Fix the variable in the build's environment.");
  }
}
