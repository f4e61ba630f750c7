package org.reap.bind;

import java.util.ArrayList;
import java.util.List;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.RepositoryLoader;
import org.reap.load.YamlLoader;
import org.reap.model.Document;
import org.reap.model.Repository;

/**
 * The stage between load and validate: binds each file's node tree to its kind's schema ({@link
 * SchemaBinder}) and gathers the documents into a repository. A file that cannot be bound is
 * reported and left out; the rest are still bound.
 */
public final class Binder {
  private Binder() {}

  public static Repository bind(RepositoryLoader.Sources sources, Diagnostics diags) {
    List<Document> docs = new ArrayList<>();
    org.reap.schema.Settings settings =
        SettingsLoader.load(sources.settingsRoot(), sources.cwd(), diags);
    for (YamlLoader.Loaded loaded : sources.files()) {
      Document d = SchemaBinder.bind(loaded.file(), loaded.root(), diags, settings);
      if (d != null) {
        docs.add(d);
      }
    }
    return new Repository(sources.root(), docs, sources.found(), settings);
  }
}
