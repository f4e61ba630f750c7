package org.reap.schema;

/** A named field of an {@link ObjType}. */
public record Field(String name, Type type, boolean required, String doc) {}
