package io.incidentbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line diff behind the save log's changed lines. */
class LineDiffTest {

    @Test
    void aChangedLineCountsAsOneRemovedAndOneAdded() {
        assertThat(LineDiff.changedLines("a\nb\nc", "a\nB\nc")).isEqualTo(2);
        assertThat(LineDiff.diff("a\nb\nc", "a\nB\nc")).extracting(LineDiff.Line::change).containsExactly(" ", "-", "+", " ");
    }

    @Test
    void addedAndRemovedLinesAreCountedOnceAndSameTextIsNoChange() {
        assertThat(LineDiff.changedLines("a\nc", "a\nb\nc")).isEqualTo(1);
        assertThat(LineDiff.changedLines("a\nb\nc", "a\nc")).isEqualTo(1);
        assertThat(LineDiff.changedLines("a\nb", "a\nb")).isZero();
        assertThat(LineDiff.changedLines("", "x\ny")).isEqualTo(2);
    }
}
