package org.reap.render.view;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component whose own names a template reads as the record's: a row's fields as the city
 * wrote them ({@code row.title}), or the page every document has ({@code lang}, {@code doc}). The
 * record's other components come first, so what is worked out stands over what is written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Spread {}
