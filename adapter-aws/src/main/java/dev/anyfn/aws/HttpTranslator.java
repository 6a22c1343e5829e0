package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.io.IOException;

/** Translates one HTTP front door's proxy event into a neutral request, and the answer back. */
interface HttpTranslator {
  /**
   * The neutral request.
   *
   * @throws InvalidHttpRequestException when the caller sent something untranslatable (answer 400)
   * @throws BadEventException when the event lacks a field its source always sends
   */
  HttpRequest request(JsonNode event);

  /**
   * Writes the proxy response this front door expects, for the event it answers, as one JSON object
   * (streamed: no tree is built).
   *
   * @throws IOException when {@code out} fails
   */
  void response(HttpResponse response, JsonNode event, JsonGenerator out) throws IOException;
}
