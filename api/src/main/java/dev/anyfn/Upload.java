package dev.anyfn;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent in a {@code multipart/form-data} body (an HTML form with {@code
 * enctype="multipart/form-data"} and an {@code <input type="file">}); see {@link
 * HttpRequest#uploads()}, or bind it with {@code @FormParam("avatar") Upload avatar}. Immutable.
 *
 * <p>{@link #filename()} is what the client claims, nothing more: never use it as a path. The whole
 * request body, and so every file in it, is within the provider's request limit (6 MB on AWS
 * Lambda); larger files go to the provider's storage directly (a pre-signed upload URL).
 */
public final class Upload {
  private final String field;
  private final String filename;
  private final String contentType;
  private final byte[] content;

  /**
   * A file.
   *
   * @param field the form field it was sent as
   * @param filename the file name the client sent
   * @param contentType the part's media type as sent, {@code application/octet-stream} when none
   * @param content the file's bytes (copied)
   */
  public Upload(String field, String filename, String contentType, byte[] content) {
    this(content.clone(), field, filename, contentType);
  }

  /** Takes {@code content} without copying it: for bytes nothing else holds (the parser's). */
  private Upload(byte[] content, String field, String filename, String contentType) {
    this.field = Objects.requireNonNull(field, "field");
    this.filename = Objects.requireNonNull(filename, "filename");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.content = content;
  }

  /** An upload of bytes that nothing else holds, without a copy. */
  static Upload owning(String field, String filename, String contentType, byte[] content) {
    return new Upload(content, field, filename, contentType);
  }

  /** The form field the file was sent as. */
  public String field() {
    return field;
  }

  /** The file name the client sent (untrusted: never a path to write to). */
  public String filename() {
    return filename;
  }

  /** The media type the client sent for the file, {@code application/octet-stream} when none. */
  public String contentType() {
    return contentType;
  }

  /** The size in bytes. */
  public int size() {
    return content.length;
  }

  /** The bytes (a copy). */
  public byte[] bytes() {
    return content.clone();
  }

  /** The bytes as a stream, without copying them. */
  public InputStream stream() {
    return new ByteArrayInputStream(content);
  }

  /** Equal when the field, file name, media type and bytes are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Upload u
        && field.equals(u.field)
        && filename.equals(u.filename)
        && contentType.equals(u.contentType)
        && Arrays.equals(content, u.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, filename, contentType, Arrays.hashCode(content));
  }

  /** Names the file and its size, not its content. */
  @Override
  public String toString() {
    return "Upload[" + field + ": " + filename + ", " + contentType + ", " + size() + " bytes]";
  }
}
