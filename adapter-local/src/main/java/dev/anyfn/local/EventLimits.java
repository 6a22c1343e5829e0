package dev.anyfn.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The largest event a provider accepts at each of the emulator's entry points, so that an event too
 * large to send in the cloud is refused locally too. The figures are the defaults of the resource
 * the adapters deploy (a queue or topic can often be configured higher in the cloud), from {@code
 * shared/reference/PROVIDERS.md} and SECURITY.md row 44, and where those are silent from the
 * providers' documentation:
 *
 * <ul>
 *   <li>AWS: SQS message 256 KiB (the queue's default {@code MaximumMessageSize}; SQS can be
 *       configured up to 1 MiB), SNS message 256 KiB (the topic's default), S3 event notification
 *       64 KB, synchronous Lambda Invoke 6 MB, DynamoDB item 400 KB.
 *   <li>Google: Pub/Sub message 10 MB for queues and topics, Eventarc event 512 KB for storage
 *       notifications, 32 MB HTTP request for direct invocation, Firestore document 1 MiB.
 *   <li>Azure: Storage queue message 64 KiB (the adapters' default queue binding), Service Bus
 *       topic message 256 KiB (Standard tier), Event Grid event 1 MB for storage notifications, 100
 *       MB HTTP request for direct invocation, Cosmos DB item 2 MB.
 * </ul>
 *
 * <p>A table row's size is its keys' names and values plus its JSON image, in UTF-8 (DynamoDB
 * counts attribute names and values the same way).
 *
 * <p>A message's size is its body plus the UTF-8 bytes of its attribute names and values, as SQS
 * and SNS count it.
 */
record EventLimits(Limit queue, Limit topic, Limit storage, Limit invoke, Limit row) {

  /** One limit: the largest size in bytes and what the provider calls the thing it limits. */
  record Limit(long bytes, String what) {}

  static Limit limit(long bytes, String what) {
    return new Limit(bytes, what);
  }

  /** Bytes of a message: body plus attribute names and values in UTF-8. */
  static long messageBytes(byte[] body, Map<String, String> attributes) {
    long n = body.length;
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      n += utf8Length(a.getKey()) + utf8Length(a.getValue());
    }
    return n;
  }

  /** Bytes of a table row: its keys' names and values plus its JSON image, in UTF-8. */
  static long rowBytes(Map<String, Object> keys, String jsonImage) {
    long n = utf8Length(jsonImage);
    for (Map.Entry<String, Object> k : keys.entrySet()) {
      n += utf8Length(k.getKey()) + utf8Length(String.valueOf(k.getValue()));
    }
    return n;
  }

  static long utf8Length(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Refuses an event over the limit.
   *
   * @param target what the event was sent to, e.g. {@code queue 'orders'}
   * @throws EventTooLargeException naming the limit, the size found and the profile
   */
  static void check(Limit limit, Profile profile, String target, long size) {
    if (size > limit.bytes()) {
      throw new EventTooLargeException(profile, limit.what(), target, size, limit.bytes());
    }
  }
}
