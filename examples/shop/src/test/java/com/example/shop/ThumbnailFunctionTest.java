package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.PermanentFailureException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailFunctionTest {
  @TempDir Path buckets;

  @Test
  void aLandscapeImageIsScaledToTheMaximumWidthKeepingItsAspectRatio() throws IOException {
    BufferedImage thumbnail = read(ThumbnailFunction.thumbnail(png(640, 480), "cat.png"));

    assertThat(thumbnail.getWidth()).isEqualTo(128);
    assertThat(thumbnail.getHeight()).isEqualTo(96);
  }

  @Test
  void aPortraitJpegIsScaledToTheMaximumHeight() throws IOException {
    BufferedImage thumbnail = read(ThumbnailFunction.thumbnail(image(300, 900, "jpg"), "a.jpg"));

    assertThat(thumbnail.getWidth()).isEqualTo(43);
    assertThat(thumbnail.getHeight()).isEqualTo(128);
  }

  @Test
  void aSmallImageIsNeverEnlarged() throws IOException {
    BufferedImage thumbnail = read(ThumbnailFunction.thumbnail(png(40, 20), "icon.png"));

    assertThat(thumbnail.getWidth()).isEqualTo(40);
    assertThat(thumbnail.getHeight()).isEqualTo(20);
  }

  @Test
  void bytesThatAreNoImageFailPermanently() {
    assertThatThrownBy(() -> ThumbnailFunction.thumbnail("%PDF-1.7".getBytes(), "doc.pdf"))
        .isInstanceOf(PermanentFailureException.class)
        .hasMessageContaining("doc.pdf is not a PNG, JPEG, GIF or BMP image; no thumbnail made.");
  }

  @Test
  void thumbnailKeysKeepTheNameAndEndInPng() {
    assertThat(ThumbnailFunction.thumbnailKey("2026/cat.jpeg")).isEqualTo("2026/cat.png");
    assertThat(ThumbnailFunction.thumbnailKey("v1.0/README")).isEqualTo("v1.0/README.png");
  }

  @Test
  void aMountedStoreRefusesKeysThatLeaveTheBucket() {
    MountedImageStore store = new MountedImageStore(buckets);

    assertThatThrownBy(() -> store.write("uploads", "../thumbnails/x.png", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The object key '../thumbnails/x.png' leaves the bucket directory; rejected.");
  }

  static byte[] png(int width, int height) throws IOException {
    return image(width, height, "png");
  }

  static byte[] image(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  static BufferedImage read(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }
}
