package dev.anyfn.conformance;

import dev.anyfn.Context;
import dev.anyfn.CookieParam;
import dev.anyfn.FormParam;
import dev.anyfn.HeaderParam;
import dev.anyfn.HttpException;
import dev.anyfn.HttpMethod;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.PathParam;
import dev.anyfn.QueryParam;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;
import dev.anyfn.Upload;
import java.util.List;
import java.util.Optional;

/** The function every adapter's conformance run talks to, through its own wire format. */
@ServerlessFunction("conformance")
public class ConformanceFunction {

  /** A JSON value. */
  public record User(long id, String name) {}

  /** A JSON body. */
  public record Echo(String message, int count) {}

  @Route("/hello")
  public String hello() {
    return "hello";
  }

  @Route("/users/{id}")
  public User user(@PathParam("id") long id) {
    return new User(id, "user-" + id);
  }

  @Route("/users/me")
  public User me() {
    return new User(0, "me");
  }

  @Route(value = "/echo", method = HttpMethod.POST)
  public Echo echo(Echo body) {
    return new Echo(body.message().toUpperCase(java.util.Locale.ROOT), body.count() + 1);
  }

  @Route("/tags")
  public List<String> tags(@QueryParam("tag") List<String> tags) {
    return tags;
  }

  @Route(value = "/form", method = HttpMethod.POST)
  public String form(
      @FormParam("name") String name,
      @FormParam("count") int count,
      @FormParam("tag") List<String> tags,
      @FormParam("subscribe") Optional<Boolean> subscribe) {
    return name + " x" + count + " " + tags + (subscribe.orElse(false) ? " subscribed" : "");
  }

  /** A form bound as a whole, with a renamed field and a check of its own. */
  public record Signup(
      String email,
      @FormParam("display_name") Optional<String> displayName,
      List<String> topic,
      boolean terms) {
    /** Refuses an address without an at sign. */
    public Signup {
      if (!email.contains("@")) {
        throw new IllegalArgumentException("email must contain @");
      }
    }
  }

  @Route(value = "/signup", method = HttpMethod.POST)
  public String signup(@FormParam Signup signup) {
    return signup.email()
        + " "
        + signup.displayName().orElse("-")
        + " "
        + signup.topic()
        + (signup.terms() ? " terms" : "");
  }

  @Route("/busy")
  public String busy() {
    throw HttpException.tooManyRequests("Slow down.", java.time.Duration.ofMillis(1500));
  }

  @Route("/private")
  public String privateArea() {
    throw new HttpException(
        401,
        "Sign in first.",
        dev.anyfn.Headers.builder()
            .add("WWW-Authenticate", "Bearer realm=\"api\"")
            .add("Content-Type", "text/html")
            .build());
  }

  @Route(value = "/avatar", method = HttpMethod.POST)
  public String avatar(@FormParam("file") Upload file) {
    return file.filename();
  }

  @Route(value = "/profile", method = HttpMethod.POST)
  public String profile(
      @FormParam("name") String name,
      @FormParam("avatar") Optional<Upload> avatar,
      @FormParam("doc") List<Upload> docs) {
    StringBuilder b = new StringBuilder(name);
    avatar.ifPresentOrElse(
        a -> {
          b.append(' ').append(a.filename()).append(' ').append(a.contentType()).append(' ');
          for (byte x : a.bytes()) {
            b.append(String.format("%02x", x));
          }
        },
        () -> b.append(" no avatar"));
    return b.append(", ").append(docs.size()).append(" docs").toString();
  }

  /** A query bound as a whole, with a renamed parameter and a check of its own. */
  public record Search(
      Optional<String> q, @QueryParam("page_size") Optional<Integer> pageSize, List<String> tag) {
    /** Refuses a page size below 1. */
    public Search {
      if (pageSize.orElse(10) < 1) {
        throw new IllegalArgumentException("page_size must be at least 1");
      }
    }
  }

  @Route("/search")
  public String search(@QueryParam Search search) {
    return search.q().orElse("*") + " " + search.pageSize().orElse(10) + " " + search.tag();
  }

  @Route("/filter")
  public String filter(
      @QueryParam("in_stock") Optional<Boolean> inStock,
      @QueryParam("max_price") Optional<Integer> maxPrice,
      @QueryParam("q") String q) {
    return inStock.map(String::valueOf).orElse("-")
        + " "
        + maxPrice.map(String::valueOf).orElse("-")
        + " ["
        + q
        + "]";
  }

  @Route("/header")
  public String header(@HeaderParam("X-Custom") Optional<String> custom) {
    return custom.orElse("none");
  }

  @Route("/cookie")
  public String cookie(
      @CookieParam("session") String session, @CookieParam("visits") Optional<Integer> visits) {
    return session + " " + visits.map(String::valueOf).orElse("-");
  }

  @Route("/files/{path+}")
  public String file(@PathParam("path") String path) {
    return "file:" + path;
  }

  @Route("/sum/{numbers+}")
  public String sum(@PathParam("numbers") List<Integer> numbers) {
    return numbers.size() + " numbers, sum " + numbers.stream().mapToInt(n -> n).sum();
  }

  @Route(value = "/bytes", method = HttpMethod.POST)
  public byte[] bytes(byte[] body) {
    byte[] out = body.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ~out[i];
    }
    return out;
  }

  @Route("/boom")
  public String boom() {
    throw new IllegalStateException("secret internal detail");
  }

  @Route("/conflict")
  public String conflict() {
    throw HttpException.conflict("Order 7 already exists.");
  }

  @Route("/nothing")
  public String nothing() {
    return null;
  }

  @Route(value = "/items/{id}", method = HttpMethod.DELETE)
  public void delete(@PathParam("id") String id) {}

  @Route("/cookies")
  public HttpResponse cookies(HttpRequest request) {
    return HttpResponse.status(200)
        .cookie("session", "abc123")
        .header("X-Seen", request.cookies().getOrDefault("theme", "none"))
        .text("ok")
        .build();
  }

  @Route(value = "/created", method = HttpMethod.PUT)
  public HttpResponse created(Context context) {
    return HttpResponse.status(201)
        .header("X-Function", context.functionName())
        .json(new User(1, "new"))
        .build();
  }
}
