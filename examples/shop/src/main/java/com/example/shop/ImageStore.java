package com.example.shop;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the thumbnail function reads uploads and writes thumbnails. The function receives only the
 * upload's event (bucket, key, size), never its bytes, on every cloud.
 */
interface ImageStore {
  /** The object's bytes, or empty when there is none. */
  Optional<byte[]> read(String bucket, String key) throws IOException;

  /** Writes an object, replacing any previous one. */
  void write(String bucket, String key, byte[] content) throws IOException;
}
