package io.incidentbridge.mapping;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two texts (longest common subsequence), for the save log and the /mappings page's history. */
public final class LineDiff {
    private LineDiff() {
    }

    /** One line of the diff: " " kept, "-" only in the old text, "+" only in the new one. */
    public record Line(String change, String text) {
    }

    public static List<Line> diff(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(" ", a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line("-", a[i++]));
            } else {
                lines.add(new Line("+", b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line("-", a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line("+", b[j++]));
        }
        return lines;
    }

    /** Lines added plus lines removed. */
    public static int changedLines(String before, String after) {
        return (int) diff(before, after).stream().filter(line -> !line.change().equals(" ")).count();
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\n", -1);
    }
}
