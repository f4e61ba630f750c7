package org.reap.schema;

/** The shape a YAML value must have. Schemas are built once, in {@link Kinds}. */
public sealed interface Type permits ScalarType, ObjType, ListType, MapType {
  /** How a person would name a value of this type: "a date", "a list of milestones". */
  String noun();
}
