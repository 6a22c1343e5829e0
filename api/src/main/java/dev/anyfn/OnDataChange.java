package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A data-change trigger: rows or documents of a table or collection were inserted, modified or
 * removed (DynamoDB Streams, Firestore, Cosmos DB change feed, emulator table). The handler takes
 * {@link DataChange DataChange&lt;T&gt;}, whose images are bound from JSON to {@code T}, and
 * returns {@code void}; a throw means retry for that change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDataChange {
  /** The table or collection name. */
  String value();

  /** Which kinds of change fire the trigger. */
  DataChange.Kind[] kinds() default {
    DataChange.Kind.INSERT, DataChange.Kind.MODIFY, DataChange.Kind.REMOVE
  };
}
