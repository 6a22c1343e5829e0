package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.AnyfnClient;
import dev.anyfn.junit.AnyfnTest;
import org.junit.jupiter.api.Test;

@AnyfnTest
class LoginFunctionTest {
  @Test
  void goodCredentialsAnswerASessionAsJson(AnyfnClient client) {
    var response = client.post("/login", new LoginFunction.Login("ada", "open-sesame"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.json(LoginFunction.Session.class))
        .isEqualTo(new LoginFunction.Session("ada", "token-ada"));
  }

  @Test
  void aWrongPasswordIs401WithAProblem(AnyfnClient client) {
    var response = client.post("/login", new LoginFunction.Login("ada", "x"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.bodyText()).contains("\"detail\":\"Wrong username or password.\"");
  }

  @Test
  void anUnknownUserIs401Too(AnyfnClient client) {
    var response = client.post("/login", new LoginFunction.Login("eve", "open-sesame"));

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void aMissingFieldIs400NamingItBeforeTheFunctionRuns(AnyfnClient client) {
    var response = client.post("/login", "{\"username\":\"ada\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("Field '$.password' is missing or null");
  }

  @Test
  void aMalformedBodyIs400BeforeTheFunctionRuns(AnyfnClient client) {
    var response = client.post("/login", "{\"username\":");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("\"error\":\"invalid_json\"");
  }

  @Test
  void onlyPostIsRouted(AnyfnClient client) {
    assertThat(client.get("/login").status()).isEqualTo(405);
  }
}
