package dev.anyfn.bench;

import dev.anyfn.HttpMethod;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** The function both sides of the core benchmark call. */
@ServerlessFunction("bench-login")
public class LoginBenchFunction {
  /** Request body. */
  public record Login(String username, String password) {}

  /** Response body. */
  public record Session(String username, String token, boolean admin) {}

  @Route(value = "/login", method = HttpMethod.POST)
  public Session login(Login login) {
    return new Session(login.username(), "t-" + login.password().length(), false);
  }
}
