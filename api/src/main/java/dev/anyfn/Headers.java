package dev.anyfn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable, case-insensitive, multi-valued HTTP headers. Names keep the spelling of their first
 * occurrence; values keep their order. Thread-safe.
 *
 * <p>Names must be RFC 9110 tokens and values must not contain control characters other than
 * horizontal tab: the builder rejects CR, LF and NUL so that no handler can split a response.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(Map.of(), Map.of());

  private final Map<String, List<String>> byLowerName;
  private final Map<String, String> spelling;

  private Headers(Map<String, List<String>> byLowerName, Map<String, String> spelling) {
    this.byLowerName = byLowerName;
    this.spelling = spelling;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** A builder with no headers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these headers. */
  public Builder toBuilder() {
    Builder b = new Builder();
    byLowerName.forEach((lower, values) -> values.forEach(v -> b.add(spelling.get(lower), v)));
    return b;
  }

  /** The first value of {@code name}, compared case-insensitively. */
  public Optional<String> first(String name) {
    List<String> values = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of {@code name} in order; empty when absent. */
  public List<String> all(String name) {
    return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Whether {@code name} is present. */
  public boolean contains(String name) {
    return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Header names as first spelled, in order of first occurrence. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(spelling.values()));
  }

  /** The headers as an unmodifiable map from name (as first spelled) to values. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    byLowerName.forEach((lower, values) -> map.put(spelling.get(lower), values));
    return Collections.unmodifiableMap(map);
  }

  /** Whether there are no headers. */
  public boolean isEmpty() {
    return byLowerName.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && byLowerName.equals(other.byLowerName);
  }

  @Override
  public int hashCode() {
    return byLowerName.hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /** Checks a header name: an RFC 9110 token. */
  static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Header name is empty; expected an RFC 9110 token.");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException(
            "Header name '"
                + printable(name)
                + "' contains character 0x"
                + Integer.toHexString(c)
                + "; header names must be RFC 9110 tokens.");
      }
    }
  }

  /** Checks a header value: no control characters except horizontal tab. */
  static void checkValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("Header '" + name + "' has a null value.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(
            "Header '"
                + name
                + "' has control character 0x"
                + Integer.toHexString(c)
                + " in its value; CR, LF and NUL are rejected to prevent response splitting.");
      }
    }
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? "\\x" + Integer.toHexString(c) : String.valueOf(c));
    }
    return b.toString();
  }

  /** Accumulates headers; not thread-safe. */
  public static final class Builder {
    private final Map<String, List<String>> byLowerName = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a value, keeping earlier values of the same name. */
    public Builder add(String name, String value) {
      checkName(name);
      checkValue(name, value);
      String lower = name.toLowerCase(Locale.ROOT);
      spelling.putIfAbsent(lower, name);
      byLowerName.computeIfAbsent(lower, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every value of {@code name}. */
    public Builder remove(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      byLowerName.remove(lower);
      spelling.remove(lower);
      return this;
    }

    /** Whether {@code name} has been added. */
    public boolean contains(String name) {
      return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The immutable headers. */
    public Headers build() {
      if (byLowerName.isEmpty()) {
        return EMPTY;
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      byLowerName.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new Headers(
          Collections.unmodifiableMap(copy),
          Collections.unmodifiableMap(new LinkedHashMap<>(spelling)));
    }
  }
}
