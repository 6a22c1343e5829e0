package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resource names Google would refuse at deploy time are packaging problems. */
class GoogleNamesTest {
  private static final List<String> BOTH = List.of("CREATED", "DELETED");

  private static FunctionIndex index(String function, int maxInstances, TriggerSpec... triggers) {
    return TestIndexes.of(function, maxInstances, triggers);
  }

  private static List<String> problems(TriggerSpec... triggers) {
    return new GcpPackager().portabilityProblems(index("jobs", 10, triggers));
  }

  /** The name problems only: long names also make deployment names longer than Google's 63. */
  private static List<String> nameProblems(TriggerSpec... triggers) {
    return problems(triggers).stream().filter(p -> p.contains("' is not a valid ")).toList();
  }

  private static TriggerSpec queue(String name) {
    return new TriggerSpec.Queue(name, 10);
  }

  private static TriggerSpec topic(String name) {
    return new TriggerSpec.Topic(name);
  }

  private static TriggerSpec bucket(String name) {
    return new TriggerSpec.Storage(name, List.of("CREATED"));
  }

  // ---- Pub/Sub topic IDs: @OnQueue and @OnTopic -----------------------------------------------

  @Test
  void queueNameThatIsNotAPubSubTopicIdIsAPackagingProblemNamingTheRuleAndTheFix() {
    assertThat(problems(queue("Orders!")))
        .containsExactly(
            "Function 'jobs': queue 'Orders!' is not a valid Pub/Sub topic ID: it contains '!';"
                + " Google allows only letters, digits, '-', '.', '_', '~', '%' and '+'. Rename it"
                + " in @OnQueue.");
  }

  @Test
  void topicNameWithCharactersOutsidePubSubsSetIsAPackagingProblem() {
    assertThat(nameProblems(topic("price updates/eu")))
        .containsExactly(
            "Function 'jobs': topic 'price updates/eu' is not a valid Pub/Sub topic ID: it"
                + " contains U+0020, '/'; Google allows only letters, digits, '-', '.', '_', '~',"
                + " '%' and '+'. Rename it in @OnTopic.");
  }

  @Test
  void topicIdShorterThanThreeOrLongerThan255CharactersIsAPackagingProblem() {
    assertThat(nameProblems(topic("ab")))
        .containsExactly(
            "Function 'jobs': topic 'ab' is not a valid Pub/Sub topic ID: it has 2 characters;"
                + " Google expects 3 to 255. Rename it in @OnTopic.");
    assertThat(nameProblems(queue("q" + "x".repeat(255))))
        .singleElement()
        .asString()
        .contains("it has 256 characters; Google expects 3 to 255");
  }

  @Test
  void topicIdNotStartingWithALetterIsAPackagingProblem() {
    assertThat(nameProblems(queue("1orders")))
        .containsExactly(
            "Function 'jobs': queue '1orders' is not a valid Pub/Sub topic ID: it starts with '1';"
                + " Google expects a letter first. Rename it in @OnQueue.");
    assertThat(nameProblems(topic("_prices")))
        .singleElement()
        .asString()
        .contains("starts with '_'");
  }

  @Test
  void topicIdStartingWithGoogIsAPackagingProblem() {
    assertThat(nameProblems(topic("goog-prices")))
        .containsExactly(
            "Function 'jobs': topic 'goog-prices' is not a valid Pub/Sub topic ID: it starts with"
                + " 'goog', which Google reserves. Rename it in @OnTopic.");
  }

  @Test
  void topicIdBreakingSeveralRulesIsOneProblemListingEachRule() {
    assertThat(nameProblems(queue("9!")))
        .containsExactly(
            "Function 'jobs': queue '9!' is not a valid Pub/Sub topic ID: it has 2 characters;"
                + " Google expects 3 to 255; it starts with '9'; Google expects a letter first; it"
                + " contains '!'; Google allows only letters, digits, '-', '.', '_', '~', '%' and"
                + " '+'. Rename it in @OnQueue.");
  }

  @Test
  void topicIdsAtTheEdgesOfGooglesRulesAreNotProblems() {
    assertThat(
            nameProblems(
                topic("abc"),
                topic("a" + "b".repeat(254)),
                topic("Mixed-Case.name_with~every%allowed+char9"),
                queue("payments.fifo"),
                queue("a-googling-queue")))
        .isEmpty();
  }

  // ---- Cloud Storage bucket names: @OnStorage -------------------------------------------------

  @Test
  void bucketNameWithUppercaseIsAPackagingProblem() {
    assertThat(nameProblems(bucket("Uploads")))
        .containsExactly(
            "Function 'jobs': bucket 'Uploads' is not a valid Cloud Storage bucket name: it"
                + " contains 'U'; Google allows only lowercase letters, digits, '-', '_' and '.'."
                + " Rename it in @OnStorage.");
  }

  @Test
  void bucketNameWithCharactersOutsideGooglesSetIsAPackagingProblem() {
    assertThat(nameProblems(bucket("my bucket+1")))
        .singleElement()
        .asString()
        .contains("it contains U+0020, '+'; Google allows only lowercase letters");
  }

  @Test
  void bucketNameShorterThanThreeOrLongerThan63WithoutDotsIsAPackagingProblem() {
    assertThat(nameProblems(bucket("ab")))
        .containsExactly(
            "Function 'jobs': bucket 'ab' is not a valid Cloud Storage bucket name: it has 2"
                + " characters; Google expects 3 to 63, or up to 222 when it contains dots. Rename"
                + " it in @OnStorage.");
    assertThat(nameProblems(bucket("b".repeat(64))))
        .singleElement()
        .asString()
        .contains("it has 64 characters; Google expects 3 to 63");
  }

  @Test
  void dottedBucketNameLongerThan222OrWithAPartLongerThan63IsAPackagingProblem() {
    String part = "p".repeat(55);
    String tooLong = String.join(".", part, part, part, part); // 223 characters
    assertThat(nameProblems(bucket(tooLong)))
        .singleElement()
        .asString()
        .contains("it has 223 characters; Google expects 3 to 63, or up to 222");
    String longPart = "l".repeat(64);
    assertThat(nameProblems(bucket("media." + longPart + ".example")))
        .containsExactly(
            "Function 'jobs': bucket 'media."
                + longPart
                + ".example' is not a valid Cloud Storage bucket name: its dot-separated part '"
                + longPart
                + "' has 64 characters; Google expects at most 63. Rename it in @OnStorage.");
  }

  @Test
  void bucketNameNotStartingAndEndingWithALetterOrDigitIsAPackagingProblem() {
    for (String name : List.of("-uploads", "uploads_", ".uploads", "uploads.")) {
      assertThat(nameProblems(bucket(name)))
          .containsExactly(
              "Function 'jobs': bucket '"
                  + name
                  + "' is not a valid Cloud Storage bucket name: Google expects it to start and"
                  + " end with a letter or digit. Rename it in @OnStorage.");
    }
  }

  @Test
  void bucketNameThatIsAnIpv4AddressIsAPackagingProblem() {
    assertThat(nameProblems(bucket("192.168.5.4")))
        .containsExactly(
            "Function 'jobs': bucket '192.168.5.4' is not a valid Cloud Storage bucket name: it is"
                + " an IPv4 address, which Google refuses as a bucket name. Rename it in"
                + " @OnStorage.");
  }

  @Test
  void bucketNameStartingWithGoogOrContainingGoogleIsAPackagingProblem() {
    assertThat(nameProblems(bucket("goog-uploads")))
        .containsExactly(
            "Function 'jobs': bucket 'goog-uploads' is not a valid Cloud Storage bucket name: it"
                + " starts with 'goog', which Google reserves. Rename it in @OnStorage.");
    assertThat(nameProblems(bucket("my-google-uploads")))
        .containsExactly(
            "Function 'jobs': bucket 'my-google-uploads' is not a valid Cloud Storage bucket name:"
                + " it contains 'google', which Google refuses in bucket names. Rename it in"
                + " @OnStorage.");
  }

  @Test
  void bucketNamesAtTheEdgesOfGooglesRulesAreNotProblems() {
    String part = "p".repeat(63);
    assertThat(
            nameProblems(
                bucket("abc"),
                bucket("b".repeat(63)),
                bucket("uploads.example.com"),
                bucket(String.join(".", part, part, part, "p".repeat(30))), // 222 characters
                bucket("my_bucket-2024"),
                bucket("1.2.3"),
                bucket("123"),
                bucket("my-goog-bucket")))
        .isEmpty();
  }

  @Test
  void storageTriggerOnBothEventKindsIsReportedOnce() {
    assertThat(problems(new TriggerSpec.Storage("Uploads", BOTH))).hasSize(1);
  }

  // ---- Firestore collection paths: @OnDataChange ----------------------------------------------

  @Test
  void emptyCollectionPathOrEmptySegmentIsAPackagingProblem() {
    assertThat(nameProblems(new TriggerSpec.DataChange("", List.of("INSERT"))))
        .containsExactly(
            "Function 'jobs': collection '' is not a valid Firestore collection path: it is empty;"
                + " Google expects a collection such as 'users'. Rename it in @OnDataChange.");
    for (String path : List.of("/users", "users/", "users//orders")) {
      assertThat(nameProblems(new TriggerSpec.DataChange(path, List.of("INSERT"))))
          .containsExactly(
              "Function 'jobs': collection '"
                  + path
                  + "' is not a valid Firestore collection path: it has an empty segment (a"
                  + " leading, trailing or doubled '/'). Rename it in @OnDataChange.");
    }
  }

  @Test
  void otherCollectionPathsAreLeftToGoogle() {
    assertThat(
            nameProblems(
                new TriggerSpec.DataChange("users", List.of("INSERT")),
                new TriggerSpec.DataChange("users/{user}/Orders", List.of("REMOVE"))))
        .isEmpty();
  }

  // ---- across triggers --------------------------------------------------------------------------

  @Test
  void theSameRefusedNameOnTwoHandlersOfAFunctionIsReportedOnce() {
    assertThat(nameProblems(queue("Orders!"), queue("Orders!"))).hasSize(1);
    assertThat(nameProblems(queue("Orders!"), topic("Orders!")))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("queue 'Orders!'", "@OnQueue"))
        .anySatisfy(p -> assertThat(p).contains("topic 'Orders!'", "@OnTopic"));
  }

  /**
   * A disabled function is not deployed, so its names are not checked, except its queues: deploy.sh
   * creates their topics, with a subscription that holds their messages until it is enabled.
   */
  @Test
  void disabledFunctionsAreCheckedOnlyForTheQueuesHeldForThem() {
    assertThat(
            new GcpPackager()
                .portabilityProblems(index("jobs", 0, topic("Prices!"), bucket("Uploads!"))))
        .isEmpty();
    assertThat(new GcpPackager().portabilityProblems(index("jobs", 0, queue("Orders!"))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("Function 'jobs': queue 'Orders!' is not a valid Pub/Sub topic ID");
  }

  @Test
  void scheduleTopicsAnyfnDerivesAreValidTopicIds() {
    for (String function : List.of("goog", "9-lives", "Google_Jobs", "x", "j".repeat(40))) {
      GcpDeploymentPlan plan =
          GcpDeploymentPlan.of(index(function, 10, new TriggerSpec.Schedule("", "5m", 300, "UTC")));
      String topic = plan.deployments().get(0).schedule().orElseThrow().topic();
      assertThat(GoogleNames.topicId(topic)).as(topic).isEmpty();
    }
  }
}
