package dev.anyfn.processor;

import dev.anyfn.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated trigger; each kind writes the fields the index format defines for it. */
sealed interface Trigger {
  TriggerKind kind();

  /** The trigger object of the index, {@code kind} first. */
  default Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", kind().name());
    putFields(json);
    return json;
  }

  void putFields(Map<String, Object> json);

  record Http(HttpMethod method, RouteTemplate template) implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.HTTP;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      json.put("method", method.name());
      json.put("path", template.path());
    }
  }

  record Queue(String name, int batchSize) implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.QUEUE;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      json.put("name", name);
      json.put("batchSize", batchSize);
    }
  }

  record Topic(String name) implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.TOPIC;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      json.put("name", name);
    }
  }

  record Storage(String bucket, List<String> events) implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.STORAGE;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      json.put("bucket", bucket);
      json.put("events", events);
    }
  }

  record Schedule(String cron, String rate, long rateSeconds, String zone) implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.SCHEDULE;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      json.put("cron", cron);
      json.put("rate", rate);
      json.put("rateSeconds", rateSeconds);
      json.put("zone", zone);
    }
  }

  record DataChange(String table, List<String> kinds) implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.DATA_CHANGE;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      json.put("table", table);
      json.put("kinds", kinds);
    }
  }

  record Invoke() implements Trigger {
    @Override
    public TriggerKind kind() {
      return TriggerKind.INVOKE;
    }

    @Override
    public void putFields(Map<String, Object> json) {
      // direct invocation has no fields
    }
  }
}
