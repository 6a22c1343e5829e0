package ${package};

import dev.anyfn.HttpException;
import dev.anyfn.PathParam;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/**
 * An HTTP function with two routes. On every cloud it is one deployment; anyfn routes inside it.
 */
@ServerlessFunction("greeting")
public class GreetingFunction {
  /** The answer of {@code GET /hello/{name}}, sent as JSON. */
  public record Greeting(String name, String message) {}

  /** {@code GET /hello}: plain text. */
  @Route("/hello")
  public String hello() {
    return "Hello, world!";
  }

  /** {@code GET /hello/{name}}: JSON, or 400 for a name that is too long. */
  @Route("/hello/{name}")
  public Greeting helloName(@PathParam("name") String name) {
    if (name.length() > 40) {
      throw HttpException.badRequest("A name has at most 40 characters; got " + name.length() + ".");
    }
    return new Greeting(name, "Hello, " + name + "!");
  }
}
