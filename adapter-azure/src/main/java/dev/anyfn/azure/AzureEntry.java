package dev.anyfn.azure;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One Azure function generated for a neutral function: Azure needs one function per trigger, so a
 * neutral function with several triggers becomes several Azure functions. Every HTTP route of a
 * neutral function shares one catch-all entry, since the anyfn router does the routing. Immutable.
 *
 * @param azureName the {@code @FunctionName}, also the staging folder's name
 * @param methodName the Java method of the generated class
 * @param trigger the trigger (for HTTP, the first route's; see {@code httpMethods})
 * @param httpMethods for HTTP entries, every method the function's routes use, in order
 * @param routePrefix for HTTP entries, the literal route before {@code {*path}}; empty when the
 *     function owns the root
 */
record AzureEntry(
    String azureName,
    String methodName,
    TriggerSpec trigger,
    List<String> httpMethods,
    String routePrefix) {

  /** The route of a direct-invocation entry. */
  static String invokeRoute(String function) {
    return "_invoke/" + function;
  }

  /** The entries of every function of an index, by function, in index order. */
  static List<List<AzureEntry>> plan(FunctionIndex index) {
    boolean prefixed = routesPrefixed(index);
    List<List<AzureEntry>> all = new ArrayList<>();
    for (FunctionSpec f : index.functions()) {
      all.add(plan(f, prefixed ? f.name() : ""));
    }
    return all;
  }

  /**
   * Whether each HTTP function's routes are under its name ({@code <function>/{*path}}): when the
   * build has more than one, whose catch-all routes would otherwise be the same.
   */
  static boolean routesPrefixed(FunctionIndex index) {
    return index.functions().stream()
            .filter(f -> !f.handlers(TriggerSpec.Kind.HTTP).isEmpty())
            .count()
        > 1;
  }

  /**
   * The entries of one function; {@code routePrefix} is empty when it is the only HTTP function.
   */
  static List<AzureEntry> plan(FunctionSpec function, String routePrefix) {
    List<TriggerSpec> triggers = new ArrayList<>();
    Set<String> methods = new LinkedHashSet<>();
    for (HandlerSpec h : function.handlers()) {
      if (h.trigger() instanceof TriggerSpec.Http http) {
        if (methods.isEmpty()) {
          triggers.add(http);
        }
        methods.add(http.method());
        if (http.method().equals("GET")) {
          methods.add("HEAD");
        }
      } else if (!(h.trigger() instanceof TriggerSpec.Invoke) || !triggers.contains(h.trigger())) {
        triggers.add(h.trigger());
      }
    }
    if (function.cors() != null && !methods.isEmpty()) {
      methods.add("OPTIONS"); // CORS preflights, which the core answers
    }
    boolean single = triggers.size() == 1;
    List<AzureEntry> entries = new ArrayList<>();
    Set<String> usedNames = new HashSet<>();
    Set<String> usedMethods = new HashSet<>();
    for (TriggerSpec t : triggers) {
      String suffix = suffix(t);
      String azure =
          t instanceof TriggerSpec.Invoke || !single
              ? function.name() + "-" + suffix
              : function.name();
      azure = unique(sanitize(azure), usedNames, "-");
      String method = unique(camel(suffix), usedMethods, "");
      boolean http = t instanceof TriggerSpec.Http;
      entries.add(
          new AzureEntry(
              azure, method, t, http ? List.copyOf(methods) : List.of(), http ? routePrefix : ""));
    }
    return List.copyOf(entries);
  }

  /** The route of an HTTP entry. */
  String route() {
    return routePrefix.isEmpty() ? "{*path}" : routePrefix + "/{*path}";
  }

  private static String suffix(TriggerSpec t) {
    if (t instanceof TriggerSpec.Queue q) {
      return "queue-" + q.name();
    }
    if (t instanceof TriggerSpec.Topic p) {
      return "topic-" + p.name();
    }
    if (t instanceof TriggerSpec.Storage s) {
      return "storage-" + s.bucket();
    }
    if (t instanceof TriggerSpec.DataChange d) {
      return "data-" + d.table();
    }
    return t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Azure function names: a letter, then letters, digits, '-' and '_', at most 127. */
  static String sanitize(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      b.append(ok || c == '_' ? c : '-');
    }
    if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
      b.insert(0, 'f');
    }
    return b.length() > 120 ? b.substring(0, 120) : b.toString();
  }

  /**
   * A Java identifier from words separated by anything else: {@code queue-orders} → queueOrders.
   */
  static String camel(String words) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : words.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        b.append(upper && b.length() > 0 ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
      b.insert(0, 'f');
    }
    return b.toString();
  }

  /** {@code Website} for {@code website}, {@code OrderEvents} for {@code order-events}. */
  static String pascal(String words) {
    String c = camel("x-" + words).substring(1);
    return Character.isLetter(c.charAt(0)) ? c : "F" + c;
  }

  private static String unique(String name, Set<String> used, String separator) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + separator + i;
    }
    return candidate;
  }
}
