package dev.anyfn.core.isolated;

import dev.anyfn.Context;
import dev.anyfn.HttpException;
import dev.anyfn.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A text-only function for {@code TextPathWithoutDatabindTest}. Deliberately not annotated: the
 * processor must not put it in the test index; the test writes its own index for it.
 */
public class GreetingFunction {
  /** A JSON value that is a plain record, read and written without databind. */
  public record Greeting(String text) {}

  /** A plain record holding another, and an optional one. */
  public record Reply(String text, int length, boolean shouted, Optional<Greeting> echo) {}

  public String greet(String name, Optional<Integer> times, String punctuation, Context context) {
    context.log().info("greeting", "name", name, "token", "s3cret");
    return ("Hello " + name + punctuation + " ").repeat(times.orElse(1)).trim();
  }

  public String echo(String body) {
    return body;
  }

  public byte[] bytes() {
    return "raw".getBytes(StandardCharsets.UTF_8);
  }

  public HttpResponse created() {
    return HttpResponse.status(201).header("Location", "/greeting/new").text("made").build();
  }

  public String conflict() {
    throw new HttpException(409, "Already greeted.");
  }

  public String fail() {
    throw new IllegalStateException("boom");
  }

  public Greeting json() {
    return new Greeting("hello");
  }

  public Reply reply(Greeting greeting) {
    return new Reply(greeting.text() + "!", greeting.text().length(), false, Optional.of(greeting));
  }

  /** A JSON value that is not a plain record: the control case, which needs databind. */
  public java.util.List<Greeting> list() {
    return java.util.List.of(new Greeting("hello"));
  }
}
