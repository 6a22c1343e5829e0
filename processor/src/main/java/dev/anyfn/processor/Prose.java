package dev.anyfn.processor;

import java.util.List;

/** Joins words for error messages. */
final class Prose {
  private Prose() {}

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String and(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }
}
