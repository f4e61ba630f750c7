package org.reap.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": how far a typo may be from the word it stands for. */
class SuggestTest {
  @Test
  void editDistanceCountsASwapOfNeighboursAsOneEdit() {
    assertThat(Suggest.distance("", "")).isZero();
    assertThat(Suggest.distance("abc", "")).isEqualTo(3);
    assertThat(Suggest.distance("", "abc")).isEqualTo(3);
    assertThat(Suggest.distance("status", "staus")).isEqualTo(1);
    assertThat(Suggest.distance("status", "statsu")).isEqualTo(1);
    assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggest.distance("abcd", "badc")).isEqualTo(2);
    assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggest.distance("ca", "abc")).isEqualTo(3);
    assertThat(Suggest.distance("owner", "onwer")).isEqualTo(1);
    assertThat(Suggest.distance("abc", "abd")).isEqualTo(1);
    assertThat(Suggest.distance("xabc", "abc")).isEqualTo(1);
  }

  @Test
  void shortWordsMayBeOneEditAwayLongerOnesTwoOrThree() {
    assertThat(Suggest.closest("dte", List.of("date"))).isEqualTo("date");
    assertThat(Suggest.closest("dt", List.of("date"))).isNull(); // 2 edits for a 2-letter word
    assertThat(Suggest.closest("daet", List.of("date"))).isEqualTo("date"); // 4 letters, a swap
    assertThat(Suggest.closest("dxxe", List.of("date"))).isNull(); // 4 letters, 2 edits
    assertThat(Suggest.closest("tittle", List.of("title"))).isEqualTo("title");
    assertThat(Suggest.closest("ttile", List.of("title"))).isEqualTo("title"); // 5 letters, 1 swap
    assertThat(Suggest.closest("tiltex", List.of("title")))
        .isEqualTo("title"); // 5+ letters, 2 edits
    assertThat(Suggest.closest("tixxle", List.of("tables"))).isNull(); // 6 letters, 3 edits
    assertThat(Suggest.closest("deliverbl", List.of("deliverable")))
        .isEqualTo("deliverable"); // 9 letters, 2 edits
    assertThat(Suggest.closest("delivexxxle", List.of("deliverable")))
        .isEqualTo("deliverable"); // 11 letters, 3 edits
    assertThat(Suggest.closest("dexxvexxxle", List.of("deliverable"))).isNull(); // 5 edits
    assertThat(Suggest.closest("delxxxra", List.of("deliver"))).isNull(); // 8 letters, 3+ edits
    assertThat(Suggest.closest("delixxxx", List.of("deliverx"))).isNull(); // 8 letters, 3 edits
    assertThat(Suggest.closest("delivexx", List.of("deliverx")))
        .isEqualTo("deliverx"); // 8 letters, 2 edits
  }

  @Test
  void theClosestWinsAndTiesGoToTheFirst() {
    assertThat(Suggest.closest("stat", List.of("state", "status"))).isEqualTo("state");
    assertThat(Suggest.closest("ab", List.of("ac", "ad"))).isEqualTo("ac");
    assertThat(Suggest.closest("anything", List.of())).isNull();
  }

  @Test
  void caseUnderscoresAndSpacesDoNotCountAndCommonWordsMapToReapsOwn() {
    assertThat(Suggest.closest(" In_Progress ", List.of("planned", "in-progress")))
        .isEqualTo("in-progress");
    assertThat(Suggest.closest("completed", List.of("planned", "done"))).isEqualTo("done");
    assertThat(Suggest.closest("Cancelled", List.of("dropped", "done"))).isEqualTo("dropped");
    assertThat(Suggest.closest("completed", List.of("x")))
        .as("a synonym that is not allowed here")
        .isNull();
    assertThat(Suggest.normalise(" A_b C ")).isEqualTo("a-b-c");
  }

  @Test
  void didYouMeanIsASentenceOrNothing() {
    assertThat(Suggest.didYouMean("complete", List.of("done", "planned")))
        .isEqualTo("did you mean \"done\"? ");
    assertThat(Suggest.didYouMean("zzzzzz", List.of("done"))).isEmpty();
  }
}
