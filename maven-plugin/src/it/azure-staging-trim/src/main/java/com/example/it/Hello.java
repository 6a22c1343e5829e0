package com.example.it;

import dev.anyfn.Route;
import dev.anyfn.ServerlessFunction;

@ServerlessFunction("hello")
public class Hello {
  @Route("/hello")
  public String hello() {
    return "Hello";
  }
}
