package dev.anyfn.azure;

import dev.anyfn.core.index.FunctionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One queue or topic a function's {@code @SendsTo} names, as the output binding that every
 * generated entry method of the function declares for it. Immutable.
 *
 * @param destination the queue or topic, as {@code @SendsTo} names it
 * @param name the binding's name in function.json, also the Java parameter's name
 */
record MessageOutputBinding(String destination, String name) {
  /**
   * The longest name before a number that makes it unique: the host takes binding names of at most
   * 128 letters and digits, starting with a letter ({@code FunctionDescriptorProvider}'s {@code
   * ^[a-zA-Z][a-zA-Z0-9]{0,127}$}).
   */
  private static final int MAX_BASE = 120;

  /**
   * The bindings of the queues of {@code function}, in {@code @SendsTo} order: {@code send} and the
   * queue's letters and digits in camel case ({@code audit-log} → {@code sendAuditLog}).
   */
  static List<MessageOutputBinding> queues(FunctionSpec function) {
    return named("send", function.sendsTo());
  }

  /**
   * The bindings of the topics of {@code function}, in {@code @SendsTo} order: {@code publish} and
   * the topic's letters and digits in camel case ({@code order-events} → {@code
   * publishOrderEvents}).
   */
  static List<MessageOutputBinding> topics(FunctionSpec function) {
    return named("publish", function.publishesTo());
  }

  /**
   * Names numbered from 2 when two destinations would share one, as the host compares binding names
   * ignoring case. Queue and topic names cannot meet, as their prefixes differ in the first letter,
   * and no trigger binding name ({@code req}, {@code message}, ...) starts with either prefix.
   */
  private static List<MessageOutputBinding> named(String prefix, List<String> destinations) {
    List<MessageOutputBinding> bindings = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String destination : destinations) {
      String words = AzureEntry.camel("x-" + destination).substring(1); // ASCII letters and digits
      String full = prefix + words;
      String base = full.substring(0, Math.min(MAX_BASE, full.length()));
      String name = base;
      for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
        name = base + i;
      }
      bindings.add(new MessageOutputBinding(destination, name));
    }
    return List.copyOf(bindings);
  }
}
