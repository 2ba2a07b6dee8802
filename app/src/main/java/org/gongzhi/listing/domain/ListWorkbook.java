package org.gongzhi.listing.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gongzhi.platform.UploadLimits;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;

/**
 * One of the lists as an .xlsx workbook (ADR 0032): a header row of the columns' Chinese names (English ones are read
 * too), one entry a row, and a second sheet naming who exported it when. Reading checks the file against {@link
 * UploadLimits} before parsing, streams the rows, stops at {@value #MAX_ROWS}, refuses formula errors and cells longer
 * than Excel's own limit, and names every problem as {@code rows[<row>].<column>}.
 */
public final class ListWorkbook {

    /** Rows a workbook may hold. */
    public static final int MAX_ROWS = 5_000;

    static final int MAX_CELL = 32_767;

    /** A column: its field name (in error locations) and its header in Chinese and English. */
    public record Column(String key, String zh, String en) {}

    /** A data row: its 1-based number in the sheet and its non-blank cells by column key. */
    public record Row(int number, Map<String, String> cells) {

        public String get(String key) {
            return cells.get(key);
        }
    }

    private ListWorkbook() {}

    /** Where a problem is: the row and the column. */
    public static String at(int row, String key) {
        return "rows[" + row + "]." + key;
    }

    /**
     * Writes the sheet: bold headers, the rows (numbers as numbers, the rest as text); then, when {@code examples} is
     * not empty, a sheet of example rows under the same header (never read by an import); and the about sheet.
     */
    public static void write(
            OutputStream out,
            String sheet,
            List<Column> columns,
            List<List<Object>> rows,
            String exampleSheet,
            List<List<Object>> examples,
            String aboutSheet,
            String about)
            throws IOException {
        Workbook wb = new Workbook(out, "Gongzhi", "1.0");
        fill(wb.newWorksheet(sheet), columns, rows);
        if (!examples.isEmpty()) {
            fill(wb.newWorksheet(exampleSheet), columns, examples);
        }
        Worksheet a = wb.newWorksheet(aboutSheet);
        a.value(0, 0, about);
        a.width(0, 120);
        wb.finish();
    }

    private static void fill(Worksheet ws, List<Column> columns, List<List<Object>> rows) {
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).zh());
            ws.style(0, c).bold().set();
            ws.width(c, Math.max(12, Math.min(40, columns.get(c).zh().length() * 3)));
        }
        int r = 1;
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
            r++;
        }
    }

    /**
     * The data rows of the first sheet; problems with the file or its cells go to {@code violations}. When the header
     * also holds the {@code marker} column anywhere after the columns read (an export's 编号), its cell is read too.
     */
    public static List<Row> read(InputStream in, List<Column> columns, Column marker, Violations violations) {
        byte[] file;
        try {
            file = UploadLimits.readArchive(in);
        } catch (IOException e) {
            throw DomainException.invalid("listing.workbook.unreadable");
        }
        List<Row> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
                var stream = wb.getFirstSheet().openStream()) {
            var all = stream.iterator();
            var head = all.hasNext() ? all.next() : null;
            if (head == null || !header(head, columns)) {
                violations.add("rows[1]", "listing.workbook.header");
                return rows;
            }
            int markerAt = -1;
            for (int c = columns.size(); c < head.getCellCount(); c++) {
                String text = head.hasCell(c) ? Text.stripToNull(head.getCellText(c)) : null;
                if (text != null && (text.equals(marker.zh()) || text.equalsIgnoreCase(marker.en()))) {
                    markerAt = c;
                }
            }
            int read = 0;
            while (all.hasNext()) {
                var row = all.next();
                if (++read > MAX_ROWS) {
                    violations.add("rows", "listing.workbook.too-many-rows", MAX_ROWS);
                    return List.of();
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean fit = true;
                for (int c = 0; c < columns.size(); c++) {
                    if (!row.hasCell(c)) {
                        continue;
                    }
                    String key = columns.get(c).key();
                    if (row.getCell(c).getType() == CellType.ERROR) {
                        violations.add(at(row.getRowNum(), key), "listing.workbook.cell-error");
                        fit = false;
                        continue;
                    }
                    String text = row.getCellText(c);
                    if (text != null && text.length() > MAX_CELL) {
                        violations.add(at(row.getRowNum(), key), "listing.workbook.cell-too-long", MAX_CELL);
                        fit = false;
                        continue;
                    }
                    String value = Text.stripToNull(text);
                    if (value != null) {
                        cells.put(key, plain(value));
                    }
                }
                if (markerAt >= 0 && row.hasCell(markerAt)) {
                    String mark = Text.stripToNull(row.getCellText(markerAt));
                    if (mark != null) {
                        cells.put(marker.key(), mark);
                    }
                }
                if (fit && !cells.isEmpty()) {
                    rows.add(new Row(row.getRowNum(), cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("listing.workbook.unreadable");
        }
        if (rows.isEmpty() && violations.isEmpty()) {
            violations.add("rows", "listing.workbook.empty");
        }
        return rows;
    }

    /** A number Excel stored as 1.5E7 or 20.0 reads as typed (15000000, 20). */
    private static String plain(String text) {
        if (text.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")
                && (text.contains("E") || text.contains("e") || text.endsWith(".0"))) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    private static boolean header(org.dhatim.fastexcel.reader.Row header, List<Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            String text = header.hasCell(c) ? Text.stripToNull(header.getCellText(c)) : null;
            if (text == null
                    || !(text.equals(columns.get(c).zh())
                            || text.equalsIgnoreCase(columns.get(c).en()))) {
                return false;
            }
        }
        return true;
    }
}
