package com.example.app;

import dev.anyfn.HttpMethod;
import dev.anyfn.OnInvoke;
import dev.anyfn.PathParam;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** HTTP routes and a direct invocation. */
@ServerlessFunction("storefront")
public class Storefront {
  /** A JSON value. */
  public record Item(String id, int quantity) {}

  @Route("/items/{id}")
  public Item item(@PathParam("id") String id) {
    return new Item(id, 1);
  }

  @Route(value = "/items", method = HttpMethod.POST)
  public Item add(Item item) {
    return item;
  }

  @OnInvoke
  public Item invoke(Item item) {
    return item;
  }
}
