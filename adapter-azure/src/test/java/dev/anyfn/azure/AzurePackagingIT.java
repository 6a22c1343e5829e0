package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.FunctionName;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages the fixture project {@code src/test/resources/projects/azure-app} (a function of every
 * trigger kind, one that sends to queues and publishes to a topic, anyfn-processor and this adapter
 * as dependencies, a host.json with an extension bundle) with Microsoft's real {@code
 * azure-functions-maven-plugin} {@code package} goal, run as a child {@code mvn -q package}
 * (offline and on the local repository as the build that runs this test is, so that a fresh machine
 * downloads the plugin), and checks the function.json files it wrote from the generated entry
 * classes. Needs {@code anyfn-adapter-azure} and {@code anyfn-processor} installed in the local
 * repository ({@code mvn -f adapter-azure/pom.xml install -DskipTests}); skipped when {@code mvn}
 * is not on the PATH.
 */
class AzurePackagingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAR = "azure-app-1.0.jar";

  @TempDir static Path work;
  private static Path staging;
  private static Map<String, JsonNode> functions;
  private static ClassLoader jar;

  @BeforeAll
  static void packageTheFixture() throws Exception {
    Path mvn = onPath("mvn");
    Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH");
    Path project = work.resolve("azure-app");
    copy(fixture(), project);
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-q", "-B", "-ntp"));
    if (Boolean.getBoolean("anyfn.maven.offline")) {
      command.add("-o");
    }
    String repository = System.getProperty("anyfn.maven.localRepository");
    if (repository != null && !repository.isBlank()) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    String version = System.getProperty("anyfn.version");
    if (version != null) {
      command.add("-Danyfn.version=" + version);
    }
    command.add("package");
    Path log = work.resolve("mvn.log");
    Process p =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // minutes, not seconds, on a machine that downloads the plugin and its dependencies first
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("The fixture build took over 10 minutes: " + Files.readString(log));
    }
    assertThat(p.exitValue())
        .as("exit status of %s; output:%n%s", command, Files.readString(log))
        .isZero();
    staging = project.resolve("target/azure-functions/anyfn-fixture-app");
    functions = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(staging)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("function.json"))).toList()) {
        functions.put(
            dir.getFileName().toString(), JSON.readTree(dir.resolve("function.json").toFile()));
      }
    }
    jar =
        new URLClassLoader(
            new URL[] {staging.resolve(JAR).toUri().toURL()},
            AzurePackagingIT.class.getClassLoader());
  }

  private static Path fixture() throws Exception {
    URL url = AzurePackagingIT.class.getResource("/projects/azure-app/pom.xml");
    return Path.of(url.toURI()).getParent();
  }

  private static Path onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static JsonNode trigger(String function) {
    JsonNode f = functions.get(function);
    assertThat(f).as("function.json of %s among %s", function, functions.keySet()).isNotNull();
    JsonNode in = f.get("bindings").get(0);
    assertThat(in.get("direction").asText()).isEqualTo("in");
    return in;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void everyTriggerBecomesOneAzureFunction() {
    assertThat(functions)
        .containsOnlyKeys(
            "admin",
            "dispatch-http",
            "dispatch-schedule",
            "storefront-http",
            "storefront-invoke",
            "backoffice-queue-orders",
            "backoffice-topic-prices",
            "backoffice-storage-uploads",
            "backoffice-storage-archive",
            "backoffice-schedule",
            "backoffice-data-stock");
  }

  @Test
  void everyEntryPointExistsInTheJarUnderItsFunctionNameWithTheBoundParameter() throws Exception {
    for (Map.Entry<String, JsonNode> e : functions.entrySet()) {
      JsonNode f = e.getValue();
      assertThat(f.get("scriptFile").asText()).isEqualTo("../" + JAR);
      String entryPoint = f.get("entryPoint").asText();
      int dot = entryPoint.lastIndexOf('.');
      Class<?> type = jar.loadClass(entryPoint.substring(0, dot));
      Method method =
          Arrays.stream(type.getMethods())
              .filter(m -> m.getName().equals(entryPoint.substring(dot + 1)))
              .findFirst()
              .orElseThrow(() -> new AssertionError(entryPoint + " is not in the jar"));
      assertThat(method.getAnnotation(FunctionName.class).value()).isEqualTo(e.getKey());
      String bound = trigger(e.getKey()).get("name").asText();
      assertThat(annotatedNames(method)).as(entryPoint).contains(bound);
    }
  }

  /** The {@code name} of every parameter's binding annotation. */
  private static List<String> annotatedNames(Method method) throws Exception {
    List<String> names = new ArrayList<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation a : annotations) {
        try {
          names.add((String) a.annotationType().getMethod("name").invoke(a));
        } catch (NoSuchMethodException notABinding) {
          // for example @BindingName, whose element is value()
        }
      }
    }
    return names;
  }

  @Test
  void httpRoutesArePerFunctionCatchAllsWithEveryMethodUsed() {
    JsonNode storefront = trigger("storefront-http");
    assertThat(storefront.get("type").asText()).isEqualTo("httpTrigger");
    assertThat(storefront.get("route").asText()).isEqualTo("storefront/{*path}");
    assertThat(texts(storefront.get("methods"))).containsExactly("GET", "HEAD", "POST");
    assertThat(storefront.get("dataType").asText()).isEqualTo("binary");
    assertThat(storefront.get("authLevel").asText()).isEqualTo("ANONYMOUS");
    assertThat(functions.get("storefront-http").get("bindings").get(1).get("type").asText())
        .isEqualTo("http");
    JsonNode admin = trigger("admin");
    assertThat(admin.get("route").asText()).isEqualTo("admin/{*path}");
    assertThat(texts(admin.get("methods"))).containsExactly("DELETE");
  }

  @Test
  void directInvocationIsAFunctionKeyProtectedPost() {
    JsonNode invoke = trigger("storefront-invoke");
    assertThat(invoke.get("route").asText()).isEqualTo("_invoke/storefront");
    assertThat(texts(invoke.get("methods"))).containsExactly("POST");
    assertThat(invoke.get("authLevel").asText()).isEqualTo("FUNCTION");
  }

  @Test
  void eventTriggersNameTheirSources() {
    JsonNode queue = trigger("backoffice-queue-orders");
    assertThat(queue.get("type").asText()).isEqualTo("queueTrigger");
    assertThat(queue.get("queueName").asText()).isEqualTo("orders");
    JsonNode topic = trigger("backoffice-topic-prices");
    assertThat(topic.get("type").asText()).isEqualTo("serviceBusTrigger");
    assertThat(topic.get("topicName").asText()).isEqualTo("prices");
    assertThat(topic.get("subscriptionName").asText()).isEqualTo("backoffice");
    JsonNode blob = trigger("backoffice-storage-uploads");
    assertThat(blob.get("type").asText()).isEqualTo("blobTrigger");
    assertThat(blob.get("path").asText()).isEqualTo("uploads/{name}");
    assertThat(blob.get("dataType").asText()).isEqualTo("binary");
    assertThat(trigger("backoffice-storage-archive").get("type").asText())
        .isEqualTo("eventGridTrigger");
    JsonNode timer = trigger("backoffice-schedule");
    assertThat(timer.get("type").asText()).isEqualTo("timerTrigger");
    assertThat(timer.get("schedule").asText()).isEqualTo("0 30 2 * * 1,2,3,4,5");
    JsonNode cosmos = trigger("backoffice-data-stock");
    assertThat(cosmos.get("type").asText()).isEqualTo("cosmosDBTrigger");
    assertThat(cosmos.get("containerName").asText()).isEqualTo("stock");
    assertThat(cosmos.get("databaseName").asText()).isEqualTo("anyfn");
    assertThat(cosmos.get("leaseContainerName").asText()).isEqualTo("leases");
    assertThat(cosmos.get("leaseContainerPrefix").asText()).isEqualTo("backoffice-data-stock-");
  }

  @Test
  void everyEntryOfASendingFunctionHasAQueueOutputBindingPerQueueSentTo() {
    for (String entry : List.of("dispatch-http", "dispatch-schedule")) {
      assertThat(outputs(entry, "queue"))
          .as(entry)
          .extracting(JsonNode::toString)
          .containsExactly(
              "{\"type\":\"queue\",\"direction\":\"out\",\"name\":\"sendOrders\","
                  + "\"queueName\":\"orders\",\"connection\":\"AzureWebJobsStorage\"}",
              "{\"type\":\"queue\",\"direction\":\"out\",\"name\":\"sendAuditLog\","
                  + "\"queueName\":\"audit-log\",\"connection\":\"AzureWebJobsStorage\"}");
    }
    assertThat(trigger("dispatch-http").get("type").asText()).isEqualTo("httpTrigger");
    assertThat(trigger("dispatch-schedule").get("type").asText()).isEqualTo("timerTrigger");
    assertThat(functions.get("storefront-http").get("bindings"))
        .as("a function without @SendsTo")
        .noneMatch(b -> b.get("type").asText().equals("queue"));
  }

  @Test
  void everyEntryOfAPublishingFunctionHasAServiceBusTopicOutputBindingPerTopic() {
    for (String entry : List.of("dispatch-http", "dispatch-schedule")) {
      assertThat(outputs(entry, "serviceBus"))
          .as(entry)
          .extracting(JsonNode::toString)
          .containsExactly(
              "{\"type\":\"serviceBus\",\"direction\":\"out\",\"name\":\"publishOrderEvents\","
                  + "\"subscriptionName\":\"dispatch\",\"topicName\":\"order-events\","
                  + "\"connection\":\"ServiceBusConnection\"}");
    }
    for (String other : List.of("storefront-http", "backoffice-topic-prices")) {
      assertThat(outputs(other, "serviceBus")).as("%s, without @SendsTo", other).isEmpty();
    }
  }

  /** The output bindings of type {@code type} of the function.json of {@code function}. */
  private static List<JsonNode> outputs(String function, String type) {
    List<JsonNode> outputs = new ArrayList<>();
    functions
        .get(function)
        .get("bindings")
        .forEach(
            b -> {
              if (b.get("type").asText().equals(type)
                  && b.get("direction").asText().equals("out")) {
                outputs.add(b);
              }
            });
    return outputs;
  }

  @Test
  void hostJsonOfTheProjectIsStagedWithItsExtensionBundle() throws Exception {
    JsonNode host =
        JSON.readTree(Files.readString(staging.resolve("host.json"), StandardCharsets.UTF_8));
    assertThat(host.get("version").asText()).isEqualTo("2.0");
    assertThat(host.at("/extensionBundle/id").asText())
        .isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
    assertThat(host.at("/extensions/http/routePrefix").asText()).isEmpty();
    assertThat(staging.resolve("lib/anyfn-adapter-azure-" + anyfnVersion() + ".jar")).exists();
  }

  private static String anyfnVersion() {
    return System.getProperty("anyfn.version", "0.1.0-SNAPSHOT");
  }
}
