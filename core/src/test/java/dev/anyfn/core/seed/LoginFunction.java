package dev.anyfn.core.seed;

import dev.anyfn.HttpException;
import dev.anyfn.HttpMethod;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** Seed scenario 1: a login endpoint reading a JSON body into a record. */
@ServerlessFunction("seed-login")
public class LoginFunction {
  /** The request body. */
  public record Login(String username, String password) {}

  /** The answer. */
  public record Session(String username, String token) {}

  @Route(value = "/login", method = HttpMethod.POST)
  public Session login(Login login) {
    if (!login.password().equals("open-sesame")) {
      throw HttpException.unauthorized("Wrong username or password.");
    }
    return new Session(login.username(), "token-" + login.username());
  }
}
