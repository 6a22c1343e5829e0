package com.example.shop;

import dev.anyfn.HttpResponse;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;
import java.nio.charset.StandardCharsets;

/** The shop's public website: server-rendered HTML pages. */
@ServerlessFunction("shop-site")
public class SiteFunction {
  /** The home page, listing the products. */
  @Route("/")
  public HttpResponse home() {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html><head><title>anyfn shop</title></head><body>");
    html.append("<h1>anyfn shop</h1><ul>");
    for (Product p : Catalog.PRODUCTS) {
      html.append("<li><a href=\"/products/").append(p.id()).append("\">");
      html.append(escape(p.name())).append("</a> ").append(euros(p.priceCents())).append("</li>");
    }
    html.append("</ul></body></html>");
    return HttpResponse.status(200)
        .body(html.toString().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")
        .build();
  }

  static String euros(long cents) {
    return String.format(java.util.Locale.ROOT, "EUR %d.%02d", cents / 100, cents % 100);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
