package dev.anyfn.gcp;

import dev.anyfn.Event;
import io.cloudevents.CloudEvent;
import java.util.Set;

/** Turns the CloudEvents of one Google event source into one kind of neutral event. */
interface EventTranslator {

  /** The CloudEvent {@code type}s this source delivers. */
  Set<String> types();

  /**
   * The neutral event.
   *
   * @throws MalformedEventException when the payload does not have the promised shape
   */
  Event translate(CloudEvent event);
}
