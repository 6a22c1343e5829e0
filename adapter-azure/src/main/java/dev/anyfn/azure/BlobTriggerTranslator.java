package dev.anyfn.azure;

import dev.anyfn.StorageEvent;
import java.time.Instant;

/**
 * A blob trigger's firing (a blob was created or overwritten) as a neutral {@link StorageEvent}.
 */
final class BlobTriggerTranslator {
  private BlobTriggerTranslator() {}

  /**
   * @param bucket the container
   * @param name the blob name from the {@code {name}} path parameter
   * @param content the blob's bytes (only their length is used)
   * @param invocationId the id of the event: blob triggers carry no event id of their own
   */
  static StorageEvent created(
      String bucket, String name, byte[] content, String invocationId, Instant now) {
    return StorageEvent.builder()
        .id(invocationId)
        .source("azure:blob/" + bucket)
        .type("Microsoft.Storage.BlobCreated")
        .time(now)
        .subject(name)
        .bucket(bucket)
        .key(name)
        .size(content == null ? 0 : content.length)
        .kind(StorageEvent.Kind.CREATED)
        .build();
  }
}
