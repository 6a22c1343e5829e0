package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.StorageEvent;
import dev.anyfn.core.ResourceNames;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * S3 event notifications ({@code eventSource: aws:s3}) become {@link StorageEvent}s: {@code
 * ObjectCreated:*} is CREATED, {@code ObjectRemoved:*} is DELETED, and the URL-encoded key (space
 * as {@code +}) is decoded. S3 invokes asynchronously, so a failure is thrown for Lambda to retry.
 */
final class S3Translator implements RecordTranslator {
  private final ResourceNames names;

  /** Names are given to handlers without the deployment's prefix ({@link ResourceNames}). */
  S3Translator(ResourceNames names) {
    this.names = names;
  }

  @Override
  public RecordBatch translate(JsonNode event) {
    RecordBatch batch = new RecordBatch(false);
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      String where = "The S3 event's Records[" + i++ + "]";
      String eventName = EventFields.text(r, "eventName", where);
      StorageEvent.Kind kind;
      if (eventName.startsWith("ObjectCreated:")) {
        kind = StorageEvent.Kind.CREATED;
      } else if (eventName.startsWith("ObjectRemoved:")
          || eventName.startsWith("LifecycleExpiration:")) {
        // a lifecycle rule's deletions come only as LifecycleExpiration:Delete and
        // :DeleteMarkerCreated; Cloud Storage's and Azure's deletion events include them
        kind = StorageEvent.Kind.DELETED;
      } else {
        throw new BadEventException(
            where
                + ".eventName is '"
                + eventName
                + "'; anyfn takes only ObjectCreated:*, ObjectRemoved:* and LifecycleExpiration:*"
                + " notifications. Limit the bucket's notification configuration to those"
                + " events.");
      }
      JsonNode s3 = r.path("s3");
      String bucket = EventFields.text(s3.path("bucket"), "name", where + ".s3.bucket");
      JsonNode object = s3.path("object");
      String key;
      try {
        key =
            URLDecoder.decode(
                EventFields.text(object, "key", where + ".s3.object"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new BadEventException(where + ".s3.object.key is not URL-encoded as S3 sends it.", e);
      }
      String sequencer = EventFields.optionalText(object, "sequencer");
      String requestId = EventFields.optionalText(r.path("responseElements"), "x-amz-request-id");
      String id =
          bucket + "/" + key + "/" + (sequencer != null ? sequencer : String.valueOf(requestId));
      StorageEvent.Builder e =
          StorageEvent.builder()
              .id(id)
              .bucket(names.logical(bucket))
              .key(key)
              .kind(kind)
              .size(object.path("size").asLong(0))
              .source(EventFields.optionalText(s3.path("bucket"), "arn"))
              .type("aws:s3:" + eventName)
              .subject(key);
      String etag = EventFields.optionalText(object, "eTag");
      if (etag != null) {
        e.etag(etag);
      }
      var time = Timestamps.iso(EventFields.optionalText(r, "eventTime"));
      if (time != null) {
        e.time(time);
      }
      batch.add(e.build(), id);
    }
    return batch;
  }

  @Override
  public boolean reportsItemFailures() {
    return false;
  }
}
