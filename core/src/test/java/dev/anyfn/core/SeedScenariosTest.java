package dev.anyfn.core;

import static dev.anyfn.core.TestRuntime.jsonPost;
import static dev.anyfn.core.TestRuntime.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.HttpResponse;
import dev.anyfn.StorageEvent;
import dev.anyfn.core.seed.ImageFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedScenariosTest {
  private final TestRuntime rt = new TestRuntime();

  @Test
  void loginAnswersASessionForGoodCredentials() {
    HttpResponse r =
        rt.http(
            "seed-login",
            jsonPost("/login", "{\"username\":\"ada\",\"password\":\"open-sesame\"}"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"username\":\"ada\",\"token\":\"token-ada\"}");
  }

  @Test
  void loginAnswers401ForBadCredentialsAnd400ForMissingFields() {
    assertThat(
            rt.http("seed-login", jsonPost("/login", "{\"username\":\"ada\",\"password\":\"x\"}"))
                .statusCode())
        .isEqualTo(401);
    HttpResponse missing = rt.http("seed-login", jsonPost("/login", "{\"username\":\"ada\"}"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyText())
        .contains(
            "Field '$.password' is missing or null; expected a string (declare it Optional if it"
                + " may be left out).");
    HttpResponse nulled =
        rt.http("seed-login", jsonPost("/login", "{\"username\":null,\"password\":\"x\"}"));
    assertThat(nulled.statusCode()).isEqualTo(400);
    assertThat(nulled.bodyText()).contains("Field '$.username' is missing or null");
  }

  @Test
  void websiteServesItsPagesWithExactTexts() {
    assertThat(rt.http("seed-website", request("GET", "/").build()).bodyText())
        .isEqualTo("Welcome to Home!");
    assertThat(rt.http("seed-website", request("GET", "/about").build()).bodyText())
        .isEqualTo("This is About Page");
    assertThat(rt.http("seed-website", request("GET", "/contact").build()).bodyText())
        .isEqualTo("Contact us at hello@example.com");
  }

  @Test
  void websiteAnswersNotFoundForAnythingElse() {
    HttpResponse r = rt.http("seed-website", request("GET", "/pricing/enterprise").build());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyText()).isEqualTo("Not Found");
  }

  @Test
  void manyFunctionsShareOneRouterAcrossTheProject() {
    RouteMatch api = rt.runtime.route(request("GET", "/api/users/2").build());
    assertThat(api.function())
        .hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("seed-mobile-api"));
    RouteMatch site = rt.runtime.route(request("GET", "/site").build());
    assertThat(site.function())
        .hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("seed-site"));
    FunctionInstance instance = rt.instance("seed-mobile-api");
    HttpResponse r =
        instance.handleHttp(
            api, request("GET", "/api/users/2").build(), rt.context("seed-mobile-api"));
    assertThat(r.bodyText()).isEqualTo("{\"id\":2,\"name\":\"Linus\"}");
    assertThat(rt.http("seed-mobile-api", request("GET", "/api/users/9").build()).statusCode())
        .isEqualTo(404);
    assertThat(rt.runtime.function("seed-mobile-api").spec().memoryMb()).isEqualTo(256);
  }

  @Test
  void imageFunctionIsTriggeredByAStorageUpload() {
    ImageFunction.SEEN.clear();
    StorageEvent png =
        StorageEvent.builder().id("e1").bucket("uploads").key("cat.png").size(10).build();
    StorageEvent txt =
        StorageEvent.builder().id("e2").bucket("uploads").key("notes.txt").size(3).build();
    BatchOutcome outcome =
        rt.instance("seed-images").handleEvents(List.of(png, txt), rt.context("seed-images"));
    assertThat(ImageFunction.SEEN).containsExactly("uploads/cat.png");
    assertThat(outcome.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.index()).isEqualTo(1);
              assertThat(f.permanent()).isFalse();
            });
  }
}
