package org.gongzhi.appeal.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gongzhi.platform.UploadLimits;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 12345 work orders as the municipal hotline platform exports them (DOMAIN.md §4): one work order a row, with column
 * names that differ between exports. Each column is recognised by any of its usual names ({@link #ALIASES}); a file
 * whose mandatory columns cannot be found is refused naming them. Rows are numbered as in the sheet (the header is row
 * 1) or, in JSON, from 1.
 */
public final class WorkOrderFile {

    /** Our field → the names a column goes by in the exports seen (and our own field name). */
    public static final Map<String, List<String>> ALIASES = aliases();

    /** Columns a work order cannot do without. */
    public static final List<String> MANDATORY = List.of("workOrderNumber", "content", "reporterPhone");

    /** The most rows one file may carry. */
    public static final int MAX_ROWS = 20_000;

    private static final JsonMapper JSON = JsonMapper.shared();

    /** One work order as read: its row number and its fields by our names (blank cells left out). */
    public record Line(int row, Map<String, String> fields) {}

    private WorkOrderFile() {}

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("workOrderNumber", List.of("workOrderNumber", "工单编号", "工单号", "工单编码"));
        m.put("receivedAt", List.of("receivedAt", "受理时间", "来电时间", "登记时间"));
        m.put("reporterPhone", List.of("reporterPhone", "来电号码", "联系电话", "诉求人电话", "联系方式"));
        m.put("reporterName", List.of("reporterName", "诉求人", "诉求人姓名", "来电人", "姓名"));
        m.put("type", List.of("type", "诉求类型", "工单类型", "来电类型"));
        m.put("category", List.of("category", "categoryCode", "问题分类", "三级分类", "二级分类", "分类"));
        m.put("content", List.of("content", "诉求内容", "来电内容", "反映内容", "问题描述"));
        m.put("address", List.of("address", "事发地址", "地址", "事发地点"));
        m.put("unitCode", List.of("unitCode", "社区编码", "区划代码", "所属社区编码"));
        m.put("urgent", List.of("urgent", "是否紧急", "紧急"));
        return m;
    }

    /** Our field for a column named {@code header}, or null when it is none of ours (such columns are ignored). */
    static String field(String header) {
        String h = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC)
                .strip();
        for (var e : ALIASES.entrySet()) {
            for (String alias : e.getValue()) {
                if (alias.equalsIgnoreCase(h)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Reads an .xlsx export; refused whole (400) when it is not a workbook or lacks mandatory columns. */
    public static List<Line> xlsx(byte[] bytes, Violations v) {
        UploadLimits.requireInflatedAtMost(bytes, UploadLimits.MAX_INFLATED_BYTES, UploadLimits.MAX_ENTRIES);
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            var it = rows.iterator();
            if (!it.hasNext()) {
                v.add("file", "appeal.import.empty");
                return lines;
            }
            Row header = it.next();
            Map<Integer, String> columns = new LinkedHashMap<>();
            for (int c = 0; c < header.getCellCount(); c++) {
                String f = field(header.getCellText(c));
                if (f != null && !columns.containsValue(f)) {
                    columns.put(c, f);
                }
            }
            if (!missing(columns.values(), v)) {
                return lines;
            }
            while (it.hasNext()) {
                Row row = it.next();
                Map<String, String> fields = new LinkedHashMap<>();
                columns.forEach((c, f) -> {
                    String text = c < row.getCellCount() ? row.getCellText(c) : null;
                    if (text != null && !text.isBlank()) {
                        fields.put(f, text.strip());
                    }
                });
                if (fields.isEmpty()) {
                    continue;
                }
                if (lines.size() >= MAX_ROWS) {
                    v.add("rows", "appeal.import.too-many-rows", MAX_ROWS);
                    return List.of();
                }
                lines.add(new Line(row.getRowNum(), fields));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid(List.of(org.gongzhi.shared.Violation.of("file", "appeal.import.unreadable")));
        }
        if (lines.isEmpty() && v.isEmpty()) {
            v.add("file", "appeal.import.empty");
        }
        return lines;
    }

    /** Reads a JSON array of work orders (keys by our names or the export's column names). */
    public static List<Line> json(String body, Violations v) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw DomainException.invalid(List.of(org.gongzhi.shared.Violation.of("file", "appeal.import.unreadable")));
        }
        if (root == null || !root.isArray()) {
            throw DomainException.invalid(List.of(org.gongzhi.shared.Violation.of("file", "appeal.import.not-a-list")));
        }
        if (root.size() > MAX_ROWS) {
            v.add("rows", "appeal.import.too-many-rows", MAX_ROWS);
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            Map<String, String> fields = new LinkedHashMap<>();
            if (item.isObject()) {
                for (var e : item.properties()) {
                    String f = field(e.getKey());
                    if (f != null && !e.getValue().isNull()) {
                        if (!e.getValue().isValueNode()) {
                            v.add("rows[" + (i + 1) + "]." + f, "appeal.import.not-text", e.getKey());
                            continue;
                        }
                        String text = e.getValue().asString();
                        if (!text.isBlank()) {
                            fields.put(f, text.strip());
                        }
                    }
                }
            }
            lines.add(new Line(i + 1, fields));
        }
        if (lines.isEmpty()) {
            v.add("file", "appeal.import.empty");
        }
        return lines;
    }

    /** Adds a violation naming the mandatory columns not found; returns whether all were found. */
    private static boolean missing(java.util.Collection<String> found, Violations v) {
        List<String> absent = MANDATORY.stream()
                .filter(f -> !found.contains(f))
                .map(f -> ALIASES.get(f).get(1))
                .toList();
        if (!absent.isEmpty()) {
            v.add("columns", "appeal.import.columns-missing", String.join("、", absent));
            return false;
        }
        return true;
    }

    /** 是/否, yes/no, true/false, 1/0 as a boolean; null when it is none of them. */
    public static Boolean yes(String text) {
        if (text == null) {
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "是", "yes", "true", "1", "y", "紧急" -> true;
            case "否", "no", "false", "0", "n", "一般", "" -> false;
            default -> null;
        };
    }
}
