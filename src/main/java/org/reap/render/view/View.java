package org.reap.render.view;

/** What a template is filled with: one record per document kind, or an overlay on one. */
public interface View {}
