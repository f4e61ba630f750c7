package org.reap.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The fixed words templates print ("Recommendation", "Page X of Y"), per language. */
public final class Labels {
  private final ResourceBundle bundle;
  private final Locale locale;

  /** Languages whose labels reap ships (BCP 47 tags); English is the base bundle. */
  public static final java.util.List<String> SHIPPED =
      java.util.List.of("en", "es", "vi", "zh-Hans", "ru", "hmn");

  /**
   * The part of a bundle's file name after "labels_" for a language tag: zh-Hans → zh, pt-BR →
   * pt_BR.
   */
  public static String bundleSuffix(String tag) {
    Locale l = Locale.forLanguageTag(tag);
    if (l.getLanguage().equals("zh") && !l.getScript().equals("Hant")) {
      return "zh";
    }
    return l.getCountry().isEmpty() ? l.getLanguage() : l.getLanguage() + "_" + l.getCountry();
  }

  /**
   * The labels for a BCP 47 tag ("es", "zh-Hans"); falls back to English for words a language
   * lacks.
   */
  public static Labels of(String tag) {
    return new Labels(
        tag == null || tag.isBlank()
            ? Locale.US
            : tag.equals("en") ? Locale.US : Locale.forLanguageTag(tag));
  }

  public Labels(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "reap.labels.labels",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
      throw new IllegalArgumentException(
          "no label \"" + key + "\" (labels are in reap/labels/labels*.properties)", e);
    }
    return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }
}
