package dev.anyfn.core.seed;

import dev.anyfn.HttpException;
import dev.anyfn.PathParam;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;
import java.util.Map;

/** Seed scenario 3b: a JSON API for a mobile app, with path parameters. */
@ServerlessFunction(value = "seed-mobile-api", memoryMb = 256)
public class MobileApiFunction {
  /** A user. */
  public record User(long id, String name) {}

  private static final Map<Long, String> USERS = Map.of(1L, "Ada", 2L, "Linus");

  @Route("/api/users/{id}")
  public User user(@PathParam("id") long id) {
    String name = USERS.get(id);
    if (name == null) {
      throw HttpException.notFound("No user " + id + ".");
    }
    return new User(id, name);
  }
}
