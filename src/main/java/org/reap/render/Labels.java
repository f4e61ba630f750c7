package org.reap.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The fixed words templates print ("Recommendation", "Page X of Y"), per language. */
public final class Labels {
  private final ResourceBundle bundle;
  private final Locale locale;

  public Labels(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("reap.labels.labels", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public Locale locale() {
    return locale;
  }

  /** The label for {@code key}, with {0}, {1}... filled in; throws for an unknown key. */
  public String get(String key, Object... args) {
    String s;
    try {
      s = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no label \"" + key + "\" (labels are in reap/labels/labels*.properties)", e);
    }
    return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }
}
