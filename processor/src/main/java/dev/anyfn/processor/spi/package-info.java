/**
 * Unsupported, adapter-only extension points of the anyfn annotation processor. Nothing here is
 * API: it may change in any release. See {@link dev.anyfn.processor.spi.IndexExtension}.
 */
package dev.anyfn.processor.spi;
