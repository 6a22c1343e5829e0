/**
 * The anyfn annotation processor. Only {@link dev.anyfn.processor.FunctionProcessor} is public, so
 * that javac can load it; everything else is an implementation detail: one class per concern
 * (function classes, names, triggers, route templates, cron expressions, handler signatures) and
 * {@code IndexWriter}, which writes {@code META-INF/anyfn/functions.json} in the format of {@code
 * docs/architecture.md}.
 */
package dev.anyfn.processor;
