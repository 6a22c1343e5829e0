package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A storage trigger: an object was created in, or deleted from, a bucket (S3, Cloud Storage, Azure
 * Blob Storage, emulator bucket). The handler takes {@link StorageEvent} and returns {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnStorage {
  /** The bucket (container) name. */
  String bucket();

  /** Which changes fire the trigger. */
  StorageEvent.Kind[] events() default {StorageEvent.Kind.CREATED};
}
