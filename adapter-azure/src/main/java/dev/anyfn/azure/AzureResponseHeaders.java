package dev.anyfn.azure;

import dev.anyfn.Headers;
import java.util.List;
import java.util.Map;

/**
 * One neutral {@link Headers} in the form Azure's response builder takes: one value per name,
 * repeated values joined with ", ". Made once per distinct {@code Headers} instance that a
 * translator meets in a row: the core answers most responses with shared, immutable {@code Headers}
 * (the JSON, text and problem content types), so the conversion, which needs {@link
 * Headers#asMap()}, is not repeated per call. Immutable.
 */
final class AzureResponseHeaders {
  private final Headers source;
  private final String[] names;
  private final String[] values;

  private AzureResponseHeaders(Headers source, String[] names, String[] values) {
    this.source = source;
    this.names = names;
    this.values = values;
  }

  /** The Azure form of {@code headers}. */
  static AzureResponseHeaders of(Headers headers) {
    Map<String, List<String>> map = headers.asMap();
    String[] names = new String[map.size()];
    String[] values = new String[map.size()];
    int i = 0;
    for (Map.Entry<String, List<String>> h : map.entrySet()) {
      List<String> v = h.getValue();
      names[i] = h.getKey();
      values[i] = v.size() == 1 ? v.get(0) : String.join(", ", v);
      i++;
    }
    return new AzureResponseHeaders(headers, names, values);
  }

  /** Whether these were made from exactly this instance (which, being immutable, cannot differ). */
  boolean madeFrom(Headers headers) {
    return source == headers;
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }
}
