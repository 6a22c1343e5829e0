package dev.anyfn.core.seed;

import dev.anyfn.OnStorage;
import dev.anyfn.ServerlessFunction;
import dev.anyfn.StorageEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Seed scenario 3c: an image-processing function triggered by a storage upload. */
@ServerlessFunction("seed-images")
public class ImageFunction {
  /** Keys seen by every instance, for the test to observe. */
  public static final List<String> SEEN = new CopyOnWriteArrayList<>();

  @OnStorage(bucket = "uploads")
  public void uploaded(StorageEvent event) {
    if (!event.key().endsWith(".png")) {
      throw new IllegalArgumentException("Only PNG images are processed; got " + event.key());
    }
    SEEN.add(event.bucket() + "/" + event.key());
  }
}
