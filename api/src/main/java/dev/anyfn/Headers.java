package dev.anyfn;

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
import java.util.function.BiConsumer;

/**
 * Immutable, case-insensitive, multi-valued HTTP headers. Names keep the spelling of their first
 * occurrence; values keep their order. Thread-safe.
 *
 * <p>Names must be RFC 9110 tokens and values must not contain control characters other than
 * horizontal tab: the builder rejects CR, LF and NUL so that no handler can split a response (see
 * {@code HeaderSyntax}). Headers of a received request ({@link #receivedBuilder()}) are held to the
 * same syntax, checked when a header is first read rather than when it is added.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new String[0], new Object[0], 0);

  /**
   * Distinct names (first spelling) and, at the same index, their values: a {@code String} for a
   * name with one value (most of them, so no list per header), an immutable {@code List<String>}
   * for a name with several; or either of those wrapped in {@link Unchecked} while a received
   * header has not been read yet. Only the first {@code size} slots are used: the arrays are handed
   * over by the {@link Builder}, which copies them before it changes anything once they are shared,
   * so after construction the only change is a checked value replacing its {@code Unchecked}
   * wrapper (see {@link #valueAt}). Lookups scan with {@link #sameName}, which allocates nothing
   * and, for the few dozen headers of a request, costs less than lower-casing the name and hashing
   * it.
   */
  private final String[] names;

  private final Object[] values;
  private final int size;

  private Headers(String[] names, Object[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
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
    return new Headers(new String[] {name}, new Object[] {value}, 1);
  }

  /**
   * Exactly one {@code Content-Type} header. The common media types are shared instances (a fixed
   * list, never grown by callers' values); any other value is checked like {@link Builder#add}.
   *
   * @throws IllegalArgumentException if the value is null or has control characters
   */
  static Headers contentType(String value) {
    for (Headers h : COMMON_CONTENT_TYPES) {
      if (h.values[0].equals(value)) {
        return h;
      }
    }
    HeaderSyntax.checkValue("Content-Type", value);
    return single("Content-Type", value);
  }

  /** A builder with no headers. */
  public static Builder builder() {
    return new Builder(false);
  }

  /**
   * A builder for the headers of a received request, for a runtime adapter that fills it from what
   * the cloud or the HTTP server handed over. Its {@link Builder#add} does not check a name and
   * value when they are added (it still refuses a null or empty name and a null value): each header
   * is checked the first time it is read, by {@link #first}, {@link #all}, {@link #contains},
   * {@link #forEach}, {@link #names} or {@link #asMap}, and one that breaks the syntax is refused
   * there with an {@link HttpException} 400, which the runtime answers as a 400 problem naming the
   * header. A request so pays only for the headers its function reads (checking every header of
   * every request cost the Azure adapter a quarter of its time per call); a malformed header nobody
   * reads is carried along unread, as it would be by a server that checks nothing, and never
   * reaches a response unchecked: response headers are checked when they are set.
   */
  public static Builder receivedBuilder() {
    return new Builder(true);
  }

  /** The value or values of a received header that has not been read yet; see {@link #valueAt}. */
  private record Unchecked(Object value) {}

  /**
   * The value or values at {@code i}, checking a received header on its first read.
   *
   * @throws HttpException 400 when the received header breaks the syntax
   */
  private Object valueAt(int i) {
    Object v = values[i];
    if (v instanceof Unchecked u) {
      v = u.value;
      check(names[i], v);
      // a String or an immutable List: a reader racing this write sees either form whole
      values[i] = v;
    }
    return v;
  }

  private static void check(String name, Object value) {
    try {
      HeaderSyntax.checkName(name);
      if (value instanceof String one) {
        HeaderSyntax.checkValue(name, one); // most headers: no list to make and walk
      } else {
        for (String v : asList(value)) {
          HeaderSyntax.checkValue(name, v);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new HttpException(
          400,
          "The request has a malformed header. "
              + e.getMessage()
              + " Fix or drop that header and send the request again.");
    }
  }

  /** The value or values at {@code i} as they were added, checked or not. */
  private Object rawValueAt(int i) {
    return values[i] instanceof Unchecked u ? u.value : values[i];
  }

  /** Checks every received header not read yet; see {@link #valueAt}. */
  private void checkAll() {
    for (int i = 0; i < size; i++) {
      valueAt(i);
    }
  }

  /** A builder holding these headers; changing it leaves these headers unchanged. */
  public Builder toBuilder() {
    Builder b = new Builder(false);
    if (size > 0) {
      b.names = names;
      b.values = values;
      b.size = size;
      b.shared = true;
      for (int i = 0; i < size; i++) {
        b.nameBits |= Builder.bitOf(names[i]);
      }
    }
    return b;
  }

  private int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (sameName(names[i], name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code name} spells the checked name {@code token} ignoring ASCII case, as RFC 9110
   * compares field names. Unlike {@link String#equalsIgnoreCase}, no other character folds into an
   * ASCII letter (the Kelvin sign is not a {@code k}), and it costs a few operations per character
   * rather than a Unicode case mapping: every lookup of a request runs it.
   */
  static boolean sameName(String token, String name) {
    int n = token.length();
    if (name == null || name.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char a = token.charAt(i);
      char b = name.charAt(i);
      if (a != b) {
        int lower = a | 0x20;
        if (lower != (b | 0x20) || lower < 'a' || lower > 'z') {
          return false;
        }
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<String> asList(Object value) {
    return value instanceof String s ? List.of(s) : (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private static String firstOf(Object value) {
    return value instanceof String s ? s : ((List<String>) value).get(0);
  }

  /**
   * The first value of {@code name}, compared case-insensitively.
   *
   * @throws HttpException 400 when the header was received malformed (see {@link
   *     #receivedBuilder()})
   */
  public Optional<String> first(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(firstOf(valueAt(i)));
  }

  /**
   * Every value of {@code name} in order, as an unmodifiable list; empty when absent.
   *
   * @throws HttpException 400 when the header was received malformed
   */
  public List<String> all(String name) {
    int i = indexOf(name);
    return i < 0 ? List.of() : asList(valueAt(i));
  }

  /**
   * Whether {@code name} is present.
   *
   * @throws HttpException 400 when the header was received malformed
   */
  public boolean contains(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return false;
    }
    valueAt(i);
    return true;
  }

  /**
   * Calls {@code action} with every name (as first spelled) and value, names in order of first
   * occurrence and each name's values in order; nothing is copied.
   *
   * @throws HttpException 400, before the first call, when a header was received malformed
   */
  public void forEach(BiConsumer<String, String> action) {
    checkAll();
    for (int i = 0; i < size; i++) {
      if (values[i] instanceof String s) {
        action.accept(names[i], s);
      } else {
        for (String v : asList(values[i])) {
          action.accept(names[i], v);
        }
      }
    }
  }

  /**
   * Header names as first spelled, in order of first occurrence.
   *
   * @throws HttpException 400 when a header was received malformed
   */
  public Set<String> names() {
    checkAll();
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names).subList(0, size)));
  }

  /**
   * The headers as an unmodifiable map from name (as first spelled) to values.
   *
   * @throws HttpException 400 when a header was received malformed
   */
  public Map<String, List<String>> asMap() {
    checkAll();
    return rawMap();
  }

  private Map<String, List<String>> rawMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(names[i], asList(rawValueAt(i)));
    }
    return Collections.unmodifiableMap(map);
  }

  /** Whether there are no headers. */
  public boolean isEmpty() {
    return size == 0;
  }

  private Map<String, List<String>> byLowerName() {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(names[i].toLowerCase(Locale.ROOT), asList(rawValueAt(i)));
    }
    return map;
  }

  /**
   * Equal when the same names (ignoring case) have the same values in the same order; received
   * headers are compared as received, without being checked.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && byLowerName().equals(other.byLowerName());
  }

  @Override
  public int hashCode() {
    return byLowerName().hashCode();
  }

  /** The names and values, received headers as received (not checked). */
  @Override
  public String toString() {
    return rawMap().toString();
  }

  /**
   * Accumulates headers; not thread-safe. {@link #build()} hands the builder's arrays to the
   * headers it returns instead of copying them; the next change to the builder copies them first
   * (copy on write), so built headers never change.
   */
  public static final class Builder {
    // Made on the first add: most response builders carry one header or none.
    private String[] names;
    private Object[] values;
    private int size;

    /** Whether built headers (or the headers this builder was made from) hold the arrays. */
    private boolean shared;

    /**
     * One bit per name added ({@link #bitOf}): {@link #add} looks for an earlier spelling of a name
     * only when its bit is set, so a request's distinct names cost no pairwise comparisons. Bits
     * are never cleared; a stale one only costs a scan.
     */
    private long nameBits;

    /** Whether {@link #add} leaves the check to the first read; see {@link #receivedBuilder()}. */
    private final boolean received;

    private Builder(boolean received) {
      this.received = received;
    }

    /**
     * A bit from the length and the first and last characters of a non-empty name, ignoring case:
     * names that {@link #sameName} finds equal have the same bit, since their characters are equal
     * or ASCII letters differing in case, which {@code | 0x20} makes equal. Received names are not
     * checked yet, so this must hold for any characters.
     */
    private static long bitOf(String token) {
      int n = token.length();
      return 1L << ((n * 7 + (token.charAt(0) | 0x20) + (token.charAt(n - 1) | 0x20)) & 63);
    }

    private int indexOf(String name) {
      for (int i = 0; i < size; i++) {
        if (sameName(names[i], name)) {
          return i;
        }
      }
      return -1;
    }

    /** Makes the arrays this builder's own, with room for one more name. */
    private void prepareToChange() {
      if (names == null) {
        names = new String[8];
        values = new Object[8];
      } else if (shared || size == names.length) {
        int capacity = size == names.length ? size * 2 : names.length;
        names = Arrays.copyOf(names, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      shared = false;
    }

    /**
     * Adds a value, keeping earlier values of the same name. A builder from {@link
     * #receivedBuilder()} checks only that the name is neither null nor empty and the value not
     * null; the rest is checked when the header is first read.
     *
     * @throws IllegalArgumentException if the name is not an RFC 9110 token or the value is null or
     *     has a control character other than horizontal tab
     */
    public Builder add(String name, String value) {
      boolean unchecked = received && name != null && !name.isEmpty() && value != null;
      if (!unchecked) {
        HeaderSyntax.checkName(name);
        HeaderSyntax.checkValue(name, value);
      }
      long bit = bitOf(name);
      int i = (nameBits & bit) == 0 ? -1 : indexOf(name);
      nameBits |= bit;
      prepareToChange();
      if (i >= 0) {
        Object earlier = values[i];
        boolean wasUnchecked = earlier instanceof Unchecked;
        Object joined = withValue(wasUnchecked ? ((Unchecked) earlier).value : earlier, value);
        values[i] = unchecked || wasUnchecked ? new Unchecked(joined) : joined;
      } else {
        names[size] = name;
        values[size] = unchecked ? new Unchecked(value) : value;
        size++;
      }
      return this;
    }

    /** The values of one name with {@code value} after them, as an immutable list. */
    @SuppressWarnings("unchecked")
    private static List<String> withValue(Object values, String value) {
      if (values instanceof String s) {
        return List.of(s, value);
      }
      List<String> list = (List<String>) values;
      String[] all = list.toArray(new String[list.size() + 1]);
      all[list.size()] = value;
      return List.of(all);
    }

    /**
     * Replaces every value of {@code name} with {@code value}.
     *
     * @throws IllegalArgumentException as {@link #add} does
     */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every value of {@code name}. */
    public Builder remove(String name) {
      int i = indexOf(name);
      if (i >= 0) {
        prepareToChange();
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
      }
      return this;
    }

    /** Whether {@code name} has been added. */
    public boolean contains(String name) {
      return indexOf(name) >= 0;
    }

    /** The immutable headers. */
    public Headers build() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new Headers(names, values, size);
    }
  }
}
