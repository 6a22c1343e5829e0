package com.example.website;

import dev.anyfn.Context;
import dev.anyfn.FormParam;
import dev.anyfn.HttpMethod;
import dev.anyfn.HttpResponse;
import dev.anyfn.PathParam;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;
import dev.anyfn.Upload;
import java.util.Optional;

/**
 * One function, many routes. Every route is served by the same deployment on every cloud; anyfn
 * routes within the function, so the pages below are all a cloud sees of it.
 */
@ServerlessFunction("website")
public class WebsiteFunction {
  /** The home page. */
  @Route("/")
  public String home() {
    return "Welcome to Home!";
  }

  /** The about page. */
  @Route("/about")
  public String about() {
    return "This is About Page";
  }

  /** The contact page. */
  @Route("/contact")
  public String contact() {
    return "Contact us at hello@example.com";
  }

  /**
   * The contact page's form, posted as an HTML form posts it ({@code
   * application/x-www-form-urlencoded}, or {@code multipart/form-data} when it carries a file):
   * each field binds by name, a missing one is a 400 naming it; the attachment is optional.
   */
  @Route(value = "/contact", method = HttpMethod.POST)
  public String contactMessage(
      @FormParam("email") String email,
      @FormParam("message") String message,
      @FormParam("attachment") Optional<Upload> attachment,
      Context context) {
    context.log().info("contact message", "characters", message.length());
    return "Thanks! We will answer "
        + email
        + " soon."
        + attachment.map(a -> " We got " + a.filename() + " (" + a.size() + " bytes).").orElse("");
  }

  /**
   * Every other path: a plain-text 404. Literal routes win over this greedy one, whatever the order
   * of the methods.
   */
  @Route("/{path+}")
  public HttpResponse notFound(@PathParam("path") String path) {
    return HttpResponse.status(404).text("Not Found").build();
  }
}
