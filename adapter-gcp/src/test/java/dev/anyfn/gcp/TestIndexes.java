package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.stream.Stream;

/** Function indexes of one function for packaging tests, one void handler per trigger. */
final class TestIndexes {
  private TestIndexes() {}

  static FunctionIndex of(String function, int maxInstances, TriggerSpec... triggers) {
    return new FunctionIndex(
        1,
        List.of(
            new FunctionSpec(
                function,
                "x.Jobs",
                512,
                30,
                maxInstances,
                List.of(),
                List.of(),
                handlers(triggers))));
  }

  /** One void handler {@code h} per trigger. */
  static List<HandlerSpec> handlers(TriggerSpec... triggers) {
    return Stream.of(triggers)
        .map(
            t -> new HandlerSpec("h", List.of(), "void", HandlerSpec.ReturnKind.VOID, t, List.of()))
        .toList();
  }
}
