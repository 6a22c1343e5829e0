package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A publish/subscribe trigger (SNS, Pub/Sub topic, Service Bus topic or Event Grid, emulator
 * topic): every subscribed function receives each message. The handler takes {@link TopicMessage},
 * its body ({@code String} text or raw {@code byte[]}), a type bound from the message's JSON body,
 * or both the message and its body ({@code handle(Price price, TopicMessage message)}), and returns
 * {@code void}; a throw means retry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnTopic {
  /** The topic name. */
  String value();
}
