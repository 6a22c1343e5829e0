package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The queues a function's handlers send messages to with {@link Context#send(String, Object)}, and
 * the topics they publish to with {@link Context#publish(String, Object)}. Declared on the function
 * class so that each cloud's descriptors give the function what sending needs (on AWS the SQS queue
 * or SNS topic and the permission to use it, on Google the Pub/Sub topic and the project, on Azure
 * an output binding on every entry of the function) and the emulator delivers to the same queue or
 * topic, where an {@code @OnQueue} or {@code @OnTopic} handler of any function reads it.
 *
 * <pre>{@code
 * @ServerlessFunction("api")
 * @SendsTo(queues = "orders", topics = "order-events")
 * public class Api {
 *   @Route(value = "/orders", method = HttpMethod.POST)
 *   public void order(Order order, Context context) {
 *     context.send("orders", order);
 *     context.publish("order-events", new OrderPlaced(order.id()));
 *   }
 * }
 * }</pre>
 *
 * <p>The annotation processor checks the names when you compile, and packaging checks them against
 * each cloud's naming rules.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SendsTo {
  /** The queue names, as {@link OnQueue#value()} names them. */
  String[] queues() default {};

  /** The topic names, as {@link OnTopic#value()} names them. */
  String[] topics() default {};
}
