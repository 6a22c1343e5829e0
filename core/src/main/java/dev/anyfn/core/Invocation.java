package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.Event;
import dev.anyfn.HttpRequest;
import java.util.List;

/** What the binders of one call read from; exactly the fields of its trigger are set. */
final class Invocation {
  final Context context;
  final HttpRequest request;
  final Event event;
  final List<? extends Event> batch;
  final byte[] payload;

  private Invocation(
      Context context,
      HttpRequest request,
      Event event,
      List<? extends Event> batch,
      byte[] payload) {
    this.context = context;
    this.request = request;
    this.event = event;
    this.batch = batch;
    this.payload = payload;
  }

  static Invocation http(HttpRequest request, Context context) {
    return new Invocation(context, request, null, null, null);
  }

  static Invocation event(Event event, Context context) {
    return new Invocation(context, null, event, null, null);
  }

  static Invocation batch(List<? extends Event> batch, Context context) {
    return new Invocation(context, null, null, batch, null);
  }

  static Invocation payload(byte[] payload, Context context) {
    return new Invocation(context, null, null, null, payload);
  }
}
