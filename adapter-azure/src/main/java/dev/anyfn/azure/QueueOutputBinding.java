package dev.anyfn.azure;

import dev.anyfn.core.index.FunctionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One queue a function's {@code @SendsTo} names, as the output binding that every generated entry
 * method of the function declares for it. Immutable.
 *
 * @param queue the queue, as {@code @SendsTo} names it
 * @param name the binding's name in function.json, also the Java parameter's name
 */
record QueueOutputBinding(String queue, String name) {
  /**
   * The longest name before a number that makes it unique: the host takes binding names of at most
   * 128 letters and digits, starting with a letter ({@code FunctionDescriptorProvider}'s {@code
   * ^[a-zA-Z][a-zA-Z0-9]{0,127}$}).
   */
  private static final int MAX_BASE = 120;

  /**
   * The bindings of {@code function}, in {@code @SendsTo} order: {@code send} and the queue's
   * letters and digits in camel case ({@code audit-log} → {@code sendAuditLog}), numbered from 2
   * when two queues would share one, as the host compares binding names ignoring case. No trigger
   * binding name ({@code req}, {@code message}, ...) starts with {@code send}.
   */
  static List<QueueOutputBinding> of(FunctionSpec function) {
    List<QueueOutputBinding> bindings = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String queue : function.sendsTo()) {
      String words = AzureEntry.camel("x-" + queue).substring(1); // ASCII letters and digits
      String base = ("send" + words).substring(0, Math.min(MAX_BASE, 4 + words.length()));
      String name = base;
      for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
        name = base + i;
      }
      bindings.add(new QueueOutputBinding(queue, name));
    }
    return List.copyOf(bindings);
  }
}
