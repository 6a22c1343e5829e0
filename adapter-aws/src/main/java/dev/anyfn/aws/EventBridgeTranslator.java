package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.ResourceNames;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EventBridge events (top-level {@code detail-type}, {@code source}, {@code detail}). A scheduled
 * rule ({@code source: aws.events}, {@code detail-type: Scheduled Event}) becomes a {@link
 * ScheduleEvent}; any other event becomes a {@link TopicMessage} on the topic named by its {@code
 * source}, with {@code detail} as the JSON body and {@code detail-type}, {@code account} and {@code
 * region} as attributes. EventBridge invokes asynchronously, so a failure is thrown for Lambda to
 * retry.
 */
final class EventBridgeTranslator implements RecordTranslator {
  private final ResourceNames names;

  /** Names are given to handlers without the deployment's prefix ({@link ResourceNames}). */
  EventBridgeTranslator(ResourceNames names) {
    this.names = names;
  }

  private static final String WHERE = "The EventBridge event";

  @Override
  public RecordBatch translate(JsonNode event) {
    RecordBatch batch = new RecordBatch(false);
    String id = EventFields.text(event, "id", WHERE);
    String source = EventFields.text(event, "source", WHERE);
    String detailType = EventFields.text(event, "detail-type", WHERE);
    var time = Timestamps.iso(EventFields.optionalText(event, "time"));
    JsonNode resources = event.path("resources");
    String resource =
        resources.isArray() && !resources.isEmpty() ? resources.get(0).asText() : null;
    if (EventSource.of(event) == EventSource.SCHEDULED_EVENT) {
      ScheduleEvent.Builder s = ScheduleEvent.builder().id(id).type(detailType).source(resource);
      if (time != null) {
        s.time(time).scheduledTime(time);
      }
      batch.add(s.build(), id);
      JsonNode trigger = event.path("detail").path("trigger");
      if (trigger.isTextual()) { // EventBridgeSchedules.input: which of the schedules fired
        batch.forTrigger(trigger.asText());
      }
      return batch;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("detail-type", detailType);
    putIfPresent(attributes, "account", EventFields.optionalText(event, "account"));
    putIfPresent(attributes, "region", EventFields.optionalText(event, "region"));
    TopicMessage.Builder m =
        TopicMessage.builder()
            .id(id)
            .topic(names.logical(source))
            .source(source)
            .type(detailType)
            .body(event.get("detail").toString().getBytes(StandardCharsets.UTF_8))
            .attributes(attributes);
    if (time != null) {
      m.time(time);
    }
    batch.add(m.build(), id);
    return batch;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @Override
  public boolean reportsItemFailures() {
    return false;
  }
}
