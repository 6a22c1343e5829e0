package com.example.it;

import dev.anyfn.Context;
import dev.anyfn.Route;
import dev.anyfn.SendsTo;
import dev.anyfn.ServerlessFunction;

@ServerlessFunction("hello")
@SendsTo(queues = "orders")
public class Hello {
  @Route("/hello")
  public String hello(Context context) {
    context.send("orders", "said hello");
    return "Hello";
  }
}
