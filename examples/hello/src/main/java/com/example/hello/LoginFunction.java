package com.example.hello;

import dev.anyfn.HttpException;
import dev.anyfn.HttpMethod;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The seed's login endpoint: {@code POST /login} with a JSON body. Good credentials answer a
 * session as JSON; wrong ones answer {@code 401}; a body that is not the expected JSON, or lacks a
 * field, is answered {@code 400} by anyfn before this code runs.
 */
@ServerlessFunction("login")
public class LoginFunction {
  /** The request body: {@code {"username":"ada","password":"..."}}. */
  public record Login(String username, String password) {}

  /** The answer: who logged in and a token to send back on later calls. */
  public record Session(String username, String token) {}

  // A real project reads users from a database; a fixed map keeps the example self-contained.
  private static final Map<String, String> PASSWORDS =
      Map.of("ada", "open-sesame", "linus", "penguin");

  /** Checks the credentials. */
  @Route(value = "/login", method = HttpMethod.POST)
  public Session login(Login login) {
    String expected = PASSWORDS.get(login.username());
    if (expected == null || !constantTimeEquals(expected, login.password())) {
      throw HttpException.unauthorized("Wrong username or password.");
    }
    return new Session(login.username(), "token-" + login.username());
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
