package dev.anyfn.processor;

import dev.anyfn.OnDataChange;
import dev.anyfn.OnInvoke;
import dev.anyfn.OnQueue;
import dev.anyfn.OnSchedule;
import dev.anyfn.OnStorage;
import dev.anyfn.OnTopic;
import dev.anyfn.Route;
import java.lang.annotation.Annotation;

/** The trigger annotations, in the order the index format lists them. */
enum TriggerKind {
  HTTP(Route.class),
  QUEUE(OnQueue.class),
  TOPIC(OnTopic.class),
  STORAGE(OnStorage.class),
  SCHEDULE(OnSchedule.class),
  DATA_CHANGE(OnDataChange.class),
  INVOKE(OnInvoke.class);

  private final Class<? extends Annotation> annotation;

  TriggerKind(Class<? extends Annotation> annotation) {
    this.annotation = annotation;
  }

  Class<? extends Annotation> annotation() {
    return annotation;
  }

  /** The annotation as users write it, e.g. {@code @OnQueue}. */
  String label() {
    return "@" + annotation.getSimpleName();
  }

  static TriggerKind of(Class<? extends Annotation> annotation) {
    for (TriggerKind kind : values()) {
      if (kind.annotation == annotation) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Not a trigger annotation: " + annotation.getName());
  }
}
