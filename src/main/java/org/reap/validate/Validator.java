package org.reap.validate;

import java.util.List;
import java.util.Map;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.Diagnostics;
import org.reap.diagnostic.Severity;
import org.reap.model.Repository;
import org.reap.validate.rules.AttachmentNumbering;
import org.reap.validate.rules.AttachmentSource;
import org.reap.validate.rules.CompletedBeforePlanned;
import org.reap.validate.rules.CompletionWithoutDone;
import org.reap.validate.rules.DanglingReference;
import org.reap.validate.rules.DateOutsidePeriod;
import org.reap.validate.rules.DoneWithoutCompletion;
import org.reap.validate.rules.DuplicateId;
import org.reap.validate.rules.IndicatorBreakdown;
import org.reap.validate.rules.IndicatorEmptyMeasure;
import org.reap.validate.rules.IndicatorGroupsTotal;
import org.reap.validate.rules.IndicatorObservationOrder;
import org.reap.validate.rules.IndicatorTargetDirection;
import org.reap.validate.rules.MeetingCadence;
import org.reap.validate.rules.MeetingHoursMismatch;
import org.reap.validate.rules.MemoSectionHeading;
import org.reap.validate.rules.OutOfSequence;
import org.reap.validate.rules.RangeReversed;
import org.reap.validate.rules.TranslationMissing;
import org.reap.validate.rules.WrongReferenceTarget;

/** Runs every rule over a repository and collects what they find. */
public final class Validator {
  /** Every repository rule, in the order they run. */
  public static final List<Rule> RULES =
      List.of(
          new DuplicateId(),
          new DanglingReference(),
          new WrongReferenceTarget(),
          new RangeReversed(),
          new DateOutsidePeriod(),
          new OutOfSequence(),
          new CompletedBeforePlanned(),
          new DoneWithoutCompletion(),
          new CompletionWithoutDone(),
          new MeetingCadence(),
          new MeetingHoursMismatch(),
          new IndicatorEmptyMeasure(),
          new IndicatorTargetDirection(),
          new IndicatorObservationOrder(),
          new IndicatorBreakdown(),
          new IndicatorGroupsTotal(),
          new AttachmentNumbering(),
          new AttachmentSource(),
          new MemoSectionHeading(),
          new TranslationMissing());

  private Validator() {}

  /**
   * Runs the rules. {@code severities} overrides a rule's default ("off" is expressed by leaving
   * the rule out of the map as null and listing it in {@code disabled}).
   */
  public static void run(
      Repository repo,
      Map<String, Severity> severities,
      java.util.Set<String> disabled,
      Diagnostics out) {
    for (Rule r : RULES) {
      if (disabled.contains(r.id())) {
        continue;
      }
      Severity s = severities.getOrDefault(r.id(), r.defaultSeverity());
      r.check(
          repo, (span, message, hint) -> out.add(new Diagnostic(s, r.id(), span, message, hint)));
    }
  }
}
