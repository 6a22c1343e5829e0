package dev.anyfn;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row or document of a table or collection changed. Immutable and thread-safe when {@code T} is.
 *
 * @param <T> the type the images are bound to from JSON
 */
public final class DataChange<T> extends Event {
  /** What kind of change. */
  public enum Kind {
    /** A new row or document. */
    INSERT,
    /** An existing row or document changed. */
    MODIFY,
    /** A row or document was removed. */
    REMOVE
  }

  private final String table;
  private final Kind kind;
  private final Map<String, Object> keys;
  private final T oldImage;
  private final T newImage;

  private DataChange(Builder<T> b) {
    super(b);
    this.table = Objects.requireNonNull(b.table, "table");
    this.kind = Objects.requireNonNull(b.kind, "kind");
    this.keys = Map.copyOf(b.keys);
    this.oldImage = b.oldImage;
    this.newImage = b.newImage;
  }

  /**
   * A new builder.
   *
   * @param <T> the image type
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** A builder holding this change with other images, for re-binding them to another type. */
  public <U> Builder<U> withImages(U oldImage, U newImage) {
    Builder<U> b = new Builder<>();
    b.copyFrom(this);
    b.table = table;
    b.kind = kind;
    b.keys = keys;
    b.oldImage = oldImage;
    b.newImage = newImage;
    return b;
  }

  /** The table or collection. */
  public String table() {
    return table;
  }

  /** Insert, modify or remove. */
  public Kind kind() {
    return kind;
  }

  /** The primary key attributes as plain values (strings, numbers, booleans). */
  public Map<String, Object> keys() {
    return keys;
  }

  /** The row before the change; absent for inserts or when the stream does not carry it. */
  public Optional<T> oldImage() {
    return Optional.ofNullable(oldImage);
  }

  /** The row after the change; absent for removals or when the stream does not carry it. */
  public Optional<T> newImage() {
    return Optional.ofNullable(newImage);
  }

  @Override
  public String toString() {
    return "DataChange[" + kind + " " + table + " " + keys + "]";
  }

  /**
   * Builds a change.
   *
   * @param <T> the image type
   */
  public static final class Builder<T> extends Event.Builder<Builder<T>> {
    private String table;
    private Kind kind;
    private Map<String, Object> keys = Map.of();
    private T oldImage;
    private T newImage;

    private Builder() {}

    /** The table (required). */
    public Builder<T> table(String table) {
      this.table = table;
      return this;
    }

    /** The kind (required). */
    public Builder<T> kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    /** The key attributes. */
    public Builder<T> keys(Map<String, Object> keys) {
      this.keys = keys;
      return this;
    }

    /** The old image. */
    public Builder<T> oldImage(T oldImage) {
      this.oldImage = oldImage;
      return this;
    }

    /** The new image. */
    public Builder<T> newImage(T newImage) {
      this.newImage = newImage;
      return this;
    }

    /** The change. */
    public DataChange<T> build() {
      return new DataChange<>(this);
    }
  }
}
