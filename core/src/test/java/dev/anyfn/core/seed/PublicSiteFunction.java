package dev.anyfn.core.seed;

import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

/** Seed scenario 3a: the public website of a multi-function project. */
@ServerlessFunction("seed-site")
public class PublicSiteFunction {
  @Route("/site")
  public String index() {
    return "Shop home";
  }
}
