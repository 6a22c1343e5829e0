package dev.anyfn.core;

import dev.anyfn.IdempotencyStore;
import dev.anyfn.conformance.IdempotencyStoreContract;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  @Override
  protected IdempotencyStore store() {
    return new InMemoryIdempotencyStore();
  }
}
