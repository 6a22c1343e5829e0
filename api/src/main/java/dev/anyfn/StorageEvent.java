package dev.anyfn;

import java.util.Objects;
import java.util.Optional;

/** An object was created in or deleted from a bucket. Immutable and thread-safe. */
public final class StorageEvent extends Event {
  /** What happened to the object. */
  public enum Kind {
    /** Created or overwritten. */
    CREATED,
    /** Deleted. */
    DELETED
  }

  private final String bucket;
  private final String key;
  private final long size;
  private final String etag;
  private final String contentType;
  private final Kind kind;

  private StorageEvent(Builder b) {
    super(b);
    this.bucket = Objects.requireNonNull(b.bucket, "bucket");
    this.key = Objects.requireNonNull(b.key, "key");
    this.size = b.size;
    this.etag = b.etag;
    this.contentType = b.contentType;
    this.kind = Objects.requireNonNull(b.kind, "kind");
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bucket (container) name. */
  public String bucket() {
    return bucket;
  }

  /** The object key, decoded (S3's {@code +} for space already turned into a space). */
  public String key() {
    return key;
  }

  /** The object size in bytes; 0 for deletions. */
  public long size() {
    return size;
  }

  /** The entity tag, when known. */
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  /** The object's content type, when the provider says. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** Created or deleted. */
  public Kind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return "StorageEvent[" + kind + " " + bucket + "/" + key + ", " + size + " bytes]";
  }

  /** Builds a storage event. */
  public static final class Builder extends Event.Builder<Builder> {
    private String bucket;
    private String key;
    private long size;
    private String etag;
    private String contentType;
    private Kind kind = Kind.CREATED;

    private Builder() {}

    /** The bucket (required). */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /** The object key (required). */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** The size in bytes. */
    public Builder size(long size) {
      this.size = size;
      return this;
    }

    /** The entity tag. */
    public Builder etag(String etag) {
      this.etag = etag;
      return this;
    }

    /** The content type. */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Created or deleted. */
    public Builder kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    /** The event. */
    public StorageEvent build() {
      return new StorageEvent(this);
    }
  }
}
