package dev.anyfn.local;

import dev.anyfn.StorageEvent;
import dev.anyfn.core.index.TriggerSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's storage buckets: objects kept in memory; putting an object fires {@code CREATED}
 * and deleting an existing one fires {@code DELETED} to the functions whose storage trigger asks
 * for that kind. Thread-safe.
 */
final class StorageSource {
  private final EventHub hub;
  private final Map<String, List<Subscriber>> subscribers = new LinkedHashMap<>();
  private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();

  private record Subscriber(EventQueue queue, List<String> kinds) {}

  /** An object in a bucket. */
  record StoredObject(byte[] bytes, String contentType, String etag) {}

  private final boolean overwriteReportsDeletion;

  /**
   * @param overwriteReportsDeletion whether an overwrite also fires {@code DELETED} for the
   *     replaced content, as Cloud Storage does
   */
  StorageSource(EventHub hub, List<InstancePool> pools, boolean overwriteReportsDeletion) {
    this.hub = hub;
    this.overwriteReportsDeletion = overwriteReportsDeletion;
    for (InstancePool pool : pools) {
      for (TriggerSpec t : pool.function().spec().triggers()) {
        if (t instanceof TriggerSpec.Storage s) {
          String name = "storage/" + s.bucket() + "/" + pool.name();
          EventQueue q =
              hub.newQueue(
                  EventHub.apart(
                      name,
                      pool,
                      o -> o instanceof TriggerSpec.Storage b && b.bucket().equals(s.bucket()),
                      s.events()),
                  pool,
                  1,
                  s);
          hub.add(q);
          subscribers
              .computeIfAbsent(s.bucket(), k -> new ArrayList<>())
              .add(new Subscriber(q, s.events()));
        }
      }
    }
  }

  /**
   * Stores an object and fires {@code CREATED}; returns the event id. Where the cloud reports an
   * overwritten object's replaced content as deleted ({@link Profile#overwriteReportsDeletion}), an
   * overwrite fires {@code DELETED} for it first.
   */
  synchronized String put(String bucket, String key, byte[] bytes, String contentType) {
    String etag = md5(bytes);
    StoredObject old =
        buckets
            .computeIfAbsent(bucket, b -> new ConcurrentHashMap<>())
            .put(key, new StoredObject(bytes.clone(), contentType, etag));
    if (old != null && overwriteReportsDeletion) {
      deleted(bucket, key, old);
    }
    return fire(bucket, key, bytes.length, contentType, etag, StorageEvent.Kind.CREATED);
  }

  /** Empties every bucket, firing nothing. */
  synchronized void clear() {
    buckets.clear();
  }

  /** Deletes an object; fires {@code DELETED} when it existed. */
  synchronized Optional<String> delete(String bucket, String key) {
    Map<String, StoredObject> objects = buckets.get(bucket);
    StoredObject old = objects == null ? null : objects.remove(key);
    if (old == null) {
      return Optional.empty();
    }
    return Optional.of(deleted(bucket, key, old));
  }

  /** Fires {@code DELETED} for {@code old}, the content that was at {@code key}. */
  private String deleted(String bucket, String key, StoredObject old) {
    return fire(
        bucket, key, old.bytes().length, old.contentType(), old.etag(), StorageEvent.Kind.DELETED);
  }

  Optional<StoredObject> get(String bucket, String key) {
    return Optional.ofNullable(buckets.getOrDefault(bucket, Map.of()).get(key));
  }

  /**
   * The delivery queues of a bucket's storage triggers, one per handler; empty when no function has
   * one.
   */
  List<EventQueue> deliveryQueues(String bucket) {
    return subscribers.getOrDefault(bucket, List.of()).stream().map(Subscriber::queue).toList();
  }

  /** The buckets that functions' storage triggers watch. */
  List<String> watchedBuckets() {
    return List.copyOf(subscribers.keySet());
  }

  private String fire(
      String bucket,
      String key,
      long size,
      String contentType,
      String etag,
      StorageEvent.Kind kind) {
    String id = hub.newId();
    String description = notification(bucket, key, kind, size);
    for (Subscriber s : subscribers.getOrDefault(bucket, List.of())) {
      if (!s.kinds().contains(kind.name())) {
        continue;
      }
      hub.enqueue(
          s.queue(),
          id,
          description.getBytes(StandardCharsets.UTF_8),
          Map.of(),
          attempt -> {
            StorageEvent.Builder b =
                StorageEvent.builder()
                    .id(id)
                    .bucket(bucket)
                    .key(key)
                    .size(size)
                    .etag(etag)
                    .kind(kind)
                    .subject(key)
                    .source("anyfn:local:bucket:" + bucket)
                    .type("anyfn.local.storage." + kind.name().toLowerCase(java.util.Locale.ROOT));
            if (contentType != null) {
              b.contentType(contentType);
            }
            return b.build();
          });
    }
    return id;
  }

  /** The notification body queued for a storage event (also what its size limit applies to). */
  static String notification(String bucket, String key, StorageEvent.Kind kind, long size) {
    return "{\"bucket\":\""
        + Json.escape(bucket)
        + "\",\"key\":\""
        + Json.escape(key)
        + "\",\"kind\":\""
        + kind
        + "\",\"size\":"
        + size
        + "}";
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no MD5", e);
    }
  }
}
