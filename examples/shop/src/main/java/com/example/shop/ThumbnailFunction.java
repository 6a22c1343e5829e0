package com.example.shop;

import dev.anyfn.Context;
import dev.anyfn.InitContext;
import dev.anyfn.OnInit;
import dev.anyfn.OnStorage;
import dev.anyfn.PermanentFailureException;
import dev.anyfn.ServerlessFunction;
import dev.anyfn.StorageEvent;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Makes a thumbnail of every image uploaded to the {@code uploads} bucket and writes it, as PNG, to
 * the {@code thumbnails} bucket under the same key with {@code .png}. Resizing uses only the JDK
 * ({@code javax.imageio} and Java 2D).
 */
@ServerlessFunction(value = "shop-thumbnails", memoryMb = 1024, timeoutSeconds = 60)
public class ThumbnailFunction {
  /** Longest side of a thumbnail, in pixels. */
  static final int MAX_SIDE = 128;

  /** The bucket thumbnails are written to. */
  static final String THUMBNAILS = "thumbnails";

  /** Environment variable naming the directory where the buckets are mounted. */
  static final String IMAGE_DIR = "SHOP_IMAGE_DIR";

  private ImageStore store;

  /** Used on every cloud: the store is chosen at init from the environment. */
  public ThumbnailFunction() {}

  ThumbnailFunction(ImageStore store) {
    this.store = store;
  }

  /** Mounts the buckets at {@code $SHOP_IMAGE_DIR}, or {@code /mnt/images} when unset. */
  @OnInit
  public void init(InitContext context) {
    String dir = context.environment().getOrDefault(IMAGE_DIR, "/mnt/images");
    store = new MountedImageStore(Path.of(dir));
    context.log().info("thumbnails use mounted buckets", "dir", dir);
  }

  /** Resizes one upload. */
  @OnStorage(bucket = "uploads")
  public void uploaded(StorageEvent event, Context context) {
    try {
      byte[] original =
          store
              .read(event.bucket(), event.key())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Upload " + event.bucket() + "/" + event.key() + " is not there yet."));
      byte[] thumbnail = thumbnail(original, event.key());
      store.write(THUMBNAILS, thumbnailKey(event.key()), thumbnail);
      context.log().info("thumbnail written", "key", event.key(), "bytes", thumbnail.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String thumbnailKey(String key) {
    int dot = key.lastIndexOf('.');
    return (dot > key.lastIndexOf('/') && dot > 0 ? key.substring(0, dot) : key) + ".png";
  }

  /**
   * Scales an image so that its longest side is at most {@link #MAX_SIDE}, keeping its aspect
   * ratio; never enlarges.
   *
   * @throws PermanentFailureException if the bytes are not an image the JDK can read (retrying
   *     would not help)
   */
  static byte[] thumbnail(byte[] image, String key) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
    if (source == null) {
      throw new PermanentFailureException(
          key + " is not a PNG, JPEG, GIF or BMP image; no thumbnail made.");
    }
    double scale =
        Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
    int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(scaled, "png", out);
    return out.toByteArray();
  }
}
