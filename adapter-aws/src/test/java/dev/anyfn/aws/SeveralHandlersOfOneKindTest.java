package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.anyfn.aws.fixtures.TwinsFunction;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.PackagingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Lambda with several handlers of one kind: each schedule's input names its trigger, and a
 * bucket's created and deleted files reach their own handlers.
 */
class SeveralHandlersOfOneKindTest {
  private static final TriggerSpec.Schedule OFTEN = new TriggerSpec.Schedule("", "5m", 300, "UTC");
  private static final TriggerSpec.Schedule NIGHTLY =
      new TriggerSpec.Schedule("0 3 * * *", "", 0, "UTC");

  private final Lambda lambda = new Lambda("aws-twins");
  @TempDir Path project;

  @BeforeEach
  void clear() {
    TwinsFunction.seen.clear();
  }

  /** The template's input for a schedule, as EventBridge Scheduler completes it for one firing. */
  static String fired(TriggerSpec.Schedule schedule, String scheduledTime) {
    return EventBridgeSchedules.input(schedule)
        .replace("<aws.scheduler.execution-id>", "d32c5kddcf5bb8c3")
        .replace("<aws.scheduler.scheduled-time>", scheduledTime)
        .replace(
            "<aws.scheduler.schedule-arn>",
            "arn:aws:scheduler:us-east-1:123456789012:schedule/default/s");
  }

  @Test
  void eachScheduleInputReachesItsOwnHandlerWithItsScheduledTime() {
    lambda.callText(fired(NIGHTLY, "2026-11-28T03:00:00Z"));
    lambda.callText(fired(OFTEN, "2026-11-28T03:05:00Z"));

    assertThat(TwinsFunction.seen)
        .containsExactly("nightly 2026-11-28T03:00:00Z", "often 2026-11-28T03:05:00Z");
  }

  @Test
  void aBucketsCreatedAndDeletedFilesReachTheirOwnHandlers() {
    ObjectNode created = Lambda.event("s3-put.json");
    ObjectNode deleted = Lambda.event("s3-put.json");
    ((ObjectNode) deleted.withArray("Records").get(0)).put("eventName", "ObjectRemoved:Delete");

    lambda.callText(created.toString());
    lambda.callText(deleted.toString());

    assertThat(TwinsFunction.seen)
        .containsExactly("created photos/my summer(pic).jpg", "deleted photos/my summer(pic).jpg");
  }

  @Test
  void aLifecycleRulesDeletionsReachTheDeletedHandler() {
    // S3 sends a lifecycle rule's deletions only as LifecycleExpiration:*, not ObjectRemoved:*.
    for (String name :
        List.of("LifecycleExpiration:Delete", "LifecycleExpiration:DeleteMarkerCreated")) {
      ObjectNode expired = Lambda.event("s3-put.json");
      ((ObjectNode) expired.withArray("Records").get(0)).put("eventName", name);
      lambda.callText(expired.toString());
    }

    assertThat(TwinsFunction.seen)
        .containsExactly("deleted photos/my summer(pic).jpg", "deleted photos/my summer(pic).jpg");
  }

  @Test
  void theTemplateGivesOneEventPerBucketAndEachScheduleAnInputNamingIt() throws Exception {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                function(
                    "twins",
                    handler("often", OFTEN),
                    handler("nightly", NIGHTLY),
                    handler("created", new TriggerSpec.Storage("uploads", List.of("CREATED"))),
                    handler("deleted", new TriggerSpec.Storage("uploads", List.of("DELETED"))),
                    handler("inserted", new TriggerSpec.DataChange("rows", List.of("INSERT"))),
                    handler("removed", new TriggerSpec.DataChange("rows", List.of("REMOVE"))))));

    JsonNode events = template(index).at("/Resources/TwinsFunction/Properties/Events");

    assertThat(events.at("/OftenSchedule/Type").asText()).isEqualTo("ScheduleV2");
    assertThat(events.at("/OftenSchedule/Properties/ScheduleExpression").asText())
        .isEqualTo("rate(5 minutes)");
    assertThat(events.at("/OftenSchedule/Properties/OmitName").asBoolean()).isTrue();
    assertThat(
            Lambda.JSON
                .readTree(events.at("/NightlySchedule/Properties/Input").asText())
                .at("/detail/trigger")
                .asText())
        .isEqualTo("SCHEDULE cron '0 3 * * *' UTC");
    // Lambda refuses a second mapping of one stream, S3 two overlapping notifications.
    List<String> types = new java.util.ArrayList<>();
    events.forEach(event -> types.add(event.get("Type").asText()));
    assertThat(types).containsExactlyInAnyOrder("ScheduleV2", "ScheduleV2", "S3", "DynamoDB");
    assertThat(events.at("/CreatedStorage/Properties/Events").toString())
        .isEqualTo("[\"s3:ObjectCreated:*\",\"s3:ObjectRemoved:*\",\"s3:LifecycleExpiration:*\"]");
  }

  @Test
  void twoFunctionsTakingOneBucketsCreatedFilesAreRefusedAsS3WouldRefuseTheTemplate() {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                function(
                    "thumbs",
                    handler(
                        "made", new TriggerSpec.Storage("uploads", List.of("CREATED", "DELETED")))),
                function(
                    "scan",
                    handler("scan", new TriggerSpec.Storage("uploads", List.of("CREATED"))))));

    assertThat(new AwsPackager().portabilityProblems(index))
        .containsExactly(
            "Functions 'thumbs', 'scan' all take CREATED files of bucket 'uploads'; S3 sends a"
                + " bucket's events of one kind to one target and refuses the template's"
                + " overlapping notifications. Take them in one function, which may publish to a"
                + " topic (@SendsTo, @OnTopic) that the others read.");
  }

  private JsonNode template(FunctionIndex index) throws Exception {
    Path out = project.resolve("target/anyfn/aws");
    new AwsPackager()
        .writeDescriptors(
            index,
            new PackagingContext(
                out, project, "twins", project.resolve("target/twins-aws.jar"), Map.of(), 17));
    return new YAMLMapper().readTree(Files.readString(out.resolve("template.yaml")));
  }

  private static FunctionSpec function(String name, HandlerSpec... handlers) {
    return new FunctionSpec(
        name, "a." + name, 512, 30, 10, List.of(), List.of(), List.of(handlers));
  }

  private static HandlerSpec handler(String method, TriggerSpec trigger) {
    return new HandlerSpec(
        method, List.of(), "void", HandlerSpec.ReturnKind.VOID, trigger, List.of());
  }
}
