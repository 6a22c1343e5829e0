package dev.anyfn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
  private static final Headers EMPTY = new Headers(new String[0], emptyValues());

  /**
   * Distinct names (first spelling) and, at the same index, their values. Lookups scan with {@link
   * String#equalsIgnoreCase}, which allocates nothing and, for the few dozen headers of a request,
   * costs less than lower-casing the name and hashing it.
   */
  private final String[] names;

  private final List<String>[] values;

  private Headers(String[] names, List<String>[] values) {
    this.names = names;
    this.values = values;
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] emptyValues() {
    return (List<String>[]) new List<?>[0];
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  private static final List<Headers> COMMON_CONTENT_TYPES =
      List.of(
          single("Content-Type", "application/json"),
          single("Content-Type", "text/plain; charset=utf-8"),
          single("Content-Type", "application/octet-stream"),
          single("Content-Type", "application/problem+json"));

  private static Headers single(String name, String value) {
    @SuppressWarnings("unchecked")
    List<String>[] values = (List<String>[]) new List<?>[] {List.of(value)};
    return new Headers(new String[] {name}, values);
  }

  /**
   * Exactly one {@code Content-Type} header. The common media types are shared instances (a fixed
   * list, never grown by callers' values); any other value is checked like {@link Builder#add}.
   *
   * @throws IllegalArgumentException if the value is null or has control characters
   */
  static Headers contentType(String value) {
    for (Headers h : COMMON_CONTENT_TYPES) {
      if (h.values[0].get(0).equals(value)) {
        return h;
      }
    }
    checkValue("Content-Type", value);
    return single("Content-Type", value);
  }

  /** A builder with no headers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these headers. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int i = 0; i < names.length; i++) {
      b.names().add(names[i]);
      b.values().add(new ArrayList<>(values[i]));
    }
    return b;
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The first value of {@code name}, compared case-insensitively. */
  public Optional<String> first(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(values[i].get(0));
  }

  /** Every value of {@code name} in order; empty when absent. */
  public List<String> all(String name) {
    int i = indexOf(name);
    return i < 0 ? List.of() : values[i];
  }

  /** Whether {@code name} is present. */
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /** Header names as first spelled, in order of first occurrence. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
  }

  /** The headers as an unmodifiable map from name (as first spelled) to values. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Whether there are no headers. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  private Map<String, List<String>> byLowerName() {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i].toLowerCase(Locale.ROOT), values[i]);
    }
    return map;
  }

  /** Equal when the same names (ignoring case) have the same values in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && byLowerName().equals(other.byLowerName());
  }

  @Override
  public int hashCode() {
    return byLowerName().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  private static final boolean[] TOKEN = tokenChars();

  private static boolean[] tokenChars() {
    boolean[] token = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      token[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      token[c] = true;
      token[c - 'a' + 'A'] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      token[c] = true;
    }
    return token;
  }

  /** Checks a header name: an RFC 9110 token. */
  static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Header name is empty; expected an RFC 9110 token.");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 128 || !TOKEN[c]) {
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
    // Created on first add: most response builders carry one header or none.
    private ArrayList<String> names;
    private ArrayList<List<String>> values;

    private Builder() {}

    private ArrayList<String> names() {
      if (names == null) {
        names = new ArrayList<>(4);
        values = new ArrayList<>(4);
      }
      return names;
    }

    private ArrayList<List<String>> values() {
      names();
      return values;
    }

    private int indexOf(String name) {
      if (names == null) {
        return -1;
      }
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }

    /** Adds a value, keeping earlier values of the same name. */
    public Builder add(String name, String value) {
      checkName(name);
      checkValue(name, value);
      int i = indexOf(name);
      if (i >= 0) {
        values.get(i).add(value);
      } else {
        names().add(name);
        List<String> list = new ArrayList<>(2);
        list.add(value);
        values().add(list);
      }
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every value of {@code name}. */
    public Builder remove(String name) {
      int i = indexOf(name);
      if (i >= 0) {
        names.remove(i);
        values.remove(i);
      }
      return this;
    }

    /** Whether {@code name} has been added. */
    public boolean contains(String name) {
      return indexOf(name) >= 0;
    }

    /** The immutable headers. */
    public Headers build() {
      if (names == null || names.isEmpty()) {
        return EMPTY;
      }
      int n = names.size();
      @SuppressWarnings("unchecked")
      List<String>[] copies = (List<String>[]) new List<?>[n];
      for (int i = 0; i < n; i++) {
        copies[i] = List.copyOf(values.get(i));
      }
      return new Headers(names.toArray(new String[0]), copies);
    }
  }
}
