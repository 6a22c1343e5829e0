package dev.anyfn.core.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A handler's trigger. The JSON {@code kind} property names the subtype from a closed list; no
 * class names are ever read from the index.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TriggerSpec.Http.class, name = "HTTP"),
  @JsonSubTypes.Type(value = TriggerSpec.Queue.class, name = "QUEUE"),
  @JsonSubTypes.Type(value = TriggerSpec.Topic.class, name = "TOPIC"),
  @JsonSubTypes.Type(value = TriggerSpec.Storage.class, name = "STORAGE"),
  @JsonSubTypes.Type(value = TriggerSpec.Schedule.class, name = "SCHEDULE"),
  @JsonSubTypes.Type(value = TriggerSpec.DataChange.class, name = "DATA_CHANGE"),
  @JsonSubTypes.Type(value = TriggerSpec.Invoke.class, name = "INVOKE")
})
public sealed interface TriggerSpec {
  /** The trigger kinds. */
  enum Kind {
    /** HTTP route. */
    HTTP,
    /** Queue messages. */
    QUEUE,
    /** Topic messages. */
    TOPIC,
    /** Storage object created or deleted. */
    STORAGE,
    /** Schedule. */
    SCHEDULE,
    /** Table or collection changes. */
    DATA_CHANGE,
    /** Direct invocation. */
    INVOKE
  }

  /** This trigger's kind. */
  @JsonIgnore
  Kind kind();

  /** A short human description, e.g. {@code HTTP GET /users/{id}} or {@code QUEUE orders}. */
  @JsonIgnore
  String describe();

  /**
   * An HTTP route.
   *
   * @param method the HTTP method
   * @param path the path template
   */
  record Http(String method, String path) implements TriggerSpec {
    @Override
    public Kind kind() {
      return Kind.HTTP;
    }

    @Override
    public String describe() {
      return "HTTP " + method + " " + path;
    }
  }

  /**
   * A queue.
   *
   * @param name queue name
   * @param batchSize largest batch
   */
  record Queue(String name, int batchSize) implements TriggerSpec {
    @Override
    public Kind kind() {
      return Kind.QUEUE;
    }

    @Override
    public String describe() {
      return "QUEUE " + name;
    }
  }

  /**
   * A topic.
   *
   * @param name topic name
   */
  record Topic(String name) implements TriggerSpec {
    @Override
    public Kind kind() {
      return Kind.TOPIC;
    }

    @Override
    public String describe() {
      return "TOPIC " + name;
    }
  }

  /**
   * A storage bucket.
   *
   * @param bucket bucket name
   * @param events {@code CREATED} and/or {@code DELETED}
   */
  record Storage(String bucket, List<String> events) implements TriggerSpec {
    /** Copies the list. */
    public Storage {
      events = List.copyOf(events);
    }

    @Override
    public Kind kind() {
      return Kind.STORAGE;
    }

    @Override
    public String describe() {
      return "STORAGE " + bucket + " " + events;
    }
  }

  /**
   * A schedule: a cron expression or a rate.
   *
   * @param cron five-field cron, or empty
   * @param rate rate such as {@code 5m}, or empty
   * @param rateSeconds the rate in seconds, 0 for cron
   * @param zone IANA zone for cron
   */
  record Schedule(String cron, String rate, long rateSeconds, String zone) implements TriggerSpec {
    @Override
    public Kind kind() {
      return Kind.SCHEDULE;
    }

    @Override
    public String describe() {
      return "SCHEDULE "
          + (cron == null || cron.isEmpty() ? "rate " + rate : "cron '" + cron + "' " + zone);
    }
  }

  /**
   * A table or collection.
   *
   * @param table table name
   * @param kinds {@code INSERT}, {@code MODIFY} and/or {@code REMOVE}
   */
  record DataChange(String table, List<String> kinds) implements TriggerSpec {
    /** Copies the list. */
    public DataChange {
      kinds = List.copyOf(kinds);
    }

    @Override
    public Kind kind() {
      return Kind.DATA_CHANGE;
    }

    @Override
    public String describe() {
      return "DATA_CHANGE " + table + " " + kinds;
    }
  }

  /** Direct invocation. */
  record Invoke() implements TriggerSpec {
    @Override
    public Kind kind() {
      return Kind.INVOKE;
    }

    @Override
    public String describe() {
      return "INVOKE";
    }
  }
}
