package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;

/** Translates one HTTP front door's proxy event into a neutral request, and the answer back. */
interface HttpTranslator {
  /**
   * The neutral request.
   *
   * @throws InvalidHttpRequestException when the caller sent something untranslatable (answer 400)
   * @throws BadEventException when the event lacks a field its source always sends
   */
  HttpRequest request(JsonNode event);

  /** The proxy response this front door expects, for the event it answers. */
  ObjectNode response(HttpResponse response, JsonNode event, ObjectNode out);
}
