package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CjkTextTest {
  @Test
  void wrapsRunsOfCjkInTheBodyOnly() {
    String x =
        "<html><head><title>计划</title></head><body><p>2025年5月13日, Council</p><p>English only</p></body></html>";
    assertThat(CjkText.wrap(x))
        .isEqualTo(
            "<html><head><title>计划</title></head><body><p>2025<span class=\"cjk\">年</span>5<span class=\"cjk\">月</span>13<span class=\"cjk\">日</span>, Council</p><p>English only</p></body></html>");
  }

  @Test
  void leavesTextWithoutCjkAlone() {
    String x = "<html><body><p>Tiếng Việt — Español</p></body></html>";
    assertThat(CjkText.wrap(x)).isSameAs(x);
  }

  @Test
  void fullWidthPunctuationGoesWithTheCjkFont() {
    assertThat(CjkText.wrap("<body><p>通过，提交。</p></body>"))
        .isEqualTo("<body><p><span class=\"cjk\">通过，提交。</span></p></body>");
  }
}
