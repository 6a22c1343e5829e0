package com.example.app;

import dev.anyfn.HttpMethod;
import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** A second HTTP function, so that HTTP entries get their function-name route prefix. */
@ServerlessFunction("admin")
public class Admin {
  @Route(value = "/reset", method = HttpMethod.DELETE)
  public void reset() {}
}
