package id.kentongan.admin;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff of two menu versions: "  " same, "- " only in the old, "+ " only in the new. Myers' algorithm
 * (java-diff-utils), O((n+m)·d): a table of n·m cells (the earlier longest-common-subsequence version) ran a viewer's
 * 400,000-line draft out of memory.
 */
final class LineDiff {
    private LineDiff() {}

    static List<String> of(String before, String after) {
        List<String> a = Arrays.asList(before.split("\n", -1));
        List<String> b = Arrays.asList(after.split("\n", -1));
        List<String> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < d.getSource().getPosition(); i++) out.add("  " + a.get(i));
            for (String line : d.getSource().getLines()) out.add("- " + line);
            for (String line : d.getTarget().getLines()) out.add("+ " + line);
            i += d.getSource().size();
        }
        for (; i < a.size(); i++) out.add("  " + a.get(i));
        return out;
    }
}
