package dev.anyfn.processor;

import dev.anyfn.OnInit;
import dev.anyfn.OnShutdown;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Element;

/** The anyfn annotations that go on methods: the triggers and the two lifecycle annotations. */
final class MethodAnnotations {
  static final List<Class<? extends Annotation>> ALL =
      Stream.concat(
              Stream.of(TriggerKind.values()).map(TriggerKind::annotation),
              Stream.of(OnInit.class, OnShutdown.class))
          .toList();

  private MethodAnnotations() {}

  /** The anyfn method annotations present on an element, in a fixed order. */
  static List<Class<? extends Annotation>> on(Element element) {
    List<Class<? extends Annotation>> present = new ArrayList<>();
    for (Class<? extends Annotation> annotation : ALL) {
      if (element.getAnnotation(annotation) != null) {
        present.add(annotation);
      }
    }
    return present;
  }

  static boolean isTrigger(Class<? extends Annotation> annotation) {
    return annotation != OnInit.class && annotation != OnShutdown.class;
  }

  /** {@code @A}, {@code @A and @B}, {@code @A, @B and @C}. */
  static String labels(List<Class<? extends Annotation>> annotations) {
    return Prose.and(annotations.stream().map(a -> "@" + a.getSimpleName()).toList());
  }
}
