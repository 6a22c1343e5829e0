package dev.anyfn.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** How messages name an element's access level. */
final class Visibility {
  private Visibility() {}

  /** {@code public}, {@code protected}, {@code private} or {@code package-private}. */
  static String of(Element element) {
    if (element.getModifiers().contains(Modifier.PUBLIC)) {
      return "public";
    }
    if (element.getModifiers().contains(Modifier.PROTECTED)) {
      return "protected";
    }
    if (element.getModifiers().contains(Modifier.PRIVATE)) {
      return "private";
    }
    return "package-private";
  }

  static boolean isPublic(Element element) {
    return element.getModifiers().contains(Modifier.PUBLIC);
  }
}
