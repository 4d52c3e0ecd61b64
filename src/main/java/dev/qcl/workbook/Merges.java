package dev.qcl.workbook;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The merged areas of a sheet, applied row by row as the rows are read: a merged area's value is its
 * top-left cell, in every cell of the area. The areas are listed after the rows in the sheet's XML, so
 * they are read first, in a pass of their own. Areas that start in the header row are not filled: a
 * header cell merged over its neighbours names one column, not several.
 */
final class Merges {
    static final Merges NONE = new Merges(List.of());

    private final List<Area> pending;
    private final List<Area> active = new ArrayList<>();
    private int next;

    private Merges(List<Area> areas) {
        this.pending = areas;
    }

    static Merges read(String part, InputStream in) {
        List<Area> areas = new ArrayList<>();
        try (PartXml xml = PartXml.open(part, in)) {
            while (xml.toStart("mergeCell")) {
                String ref = xml.attribute("ref");
                if (ref == null) {
                    continue;
                }
                CellRangeAddress range;
                try {
                    range = CellRangeAddress.valueOf(ref);
                } catch (RuntimeException e) {
                    throw WorkbookException.unreadable(part + ": the merged area '" + ref + "' is not a range");
                }
                // zero-based: the header is row 0
                if (range.getFirstRow() > 0 && range.getFirstColumn() >= 0) {
                    areas.add(new Area(range));
                }
            }
        }
        areas.sort(Comparator.comparingInt(a -> a.range.getFirstRow()));
        return areas.isEmpty() ? NONE : new Merges(areas);
    }

    /** Fills the merged cells of row {@code number} (1-based); {@code cells} may grow to hold the area's columns. */
    String[] apply(int number, String[] cells, Map<Integer, String> problems) {
        if (pending.isEmpty()) {
            return cells;
        }
        int row = number - 1;
        while (next < pending.size() && pending.get(next).range.getFirstRow() <= row) {
            active.add(pending.get(next++));
        }
        String[] out = cells;
        for (Iterator<Area> it = active.iterator(); it.hasNext(); ) {
            Area area = it.next();
            CellRangeAddress range = area.range;
            if (range.getLastRow() < row) {
                it.remove();
                continue;
            }
            int first = range.getFirstColumn();
            if (range.getFirstRow() == row) {
                area.text = first < out.length ? out[first] : null;
                area.problem = problems.get(first);
            }
            if (out.length <= range.getLastColumn()) {
                out = Arrays.copyOf(out, range.getLastColumn() + 1);
            }
            for (int column = range.getFirstRow() == row ? first + 1 : first;
                    column <= range.getLastColumn();
                    column++) {
                out[column] = area.text;
                if (area.problem != null) {
                    problems.put(column, area.problem);
                } else {
                    problems.remove(column);
                }
            }
        }
        return out;
    }

    private static final class Area {
        final CellRangeAddress range;
        String text;
        String problem;

        Area(CellRangeAddress range) {
            this.range = range;
        }
    }
}
