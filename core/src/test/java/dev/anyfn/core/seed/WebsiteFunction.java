package dev.anyfn.core.seed;

import dev.anyfn.HttpResponse;
import dev.anyfn.PathParam;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** Seed scenario 2: one function serving many routes. */
@ServerlessFunction("seed-website")
public class WebsiteFunction {
  @Route("/")
  public String home() {
    return "Welcome to Home!";
  }

  @Route("/about")
  public String about() {
    return "This is About Page";
  }

  @Route("/contact")
  public String contact() {
    return "Contact us at hello@example.com";
  }

  @Route("/{path+}")
  public HttpResponse notFound(@PathParam("path") String path) {
    return HttpResponse.status(404).text("Not Found").build();
  }
}
