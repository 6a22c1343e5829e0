package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A queue trigger (SQS, Pub/Sub subscription, Azure Storage or Service Bus queue, emulator queue).
 * Delivery is at least once.
 *
 * <p>The handler takes one message at a time, as {@link QueueMessage}, as its body ({@code String}
 * text or raw {@code byte[]}), or as a type bound from the message's JSON body, or both the message
 * and its body ({@code handle(Order order, QueueMessage message)}, for its delivery attempt or
 * attributes), and returns {@code void}: a message whose handler throws is retried (or
 * dead-lettered at once if it throws {@link PermanentFailureException}); the other messages of the
 * same batch are acknowledged. A handler may instead take {@code List<QueueMessage>} and return a
 * {@link BatchResult} naming the failed messages.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnQueue {
  /** The queue name. */
  String value();

  /** Largest number of messages handed to one invocation (1-10). */
  int batchSize() default 10;
}
