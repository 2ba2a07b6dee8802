package org.gongzhi.organization.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.platform.UploadLimits;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The organisation 台账 as an .xlsx workbook: one header row, one organisation a row. Kinds are written as their
 * Chinese names and read as Chinese or English names or codes; 示例数据 as 是/否.
 */
@Component
public class OrganisationWorkbook {

    static final int MAX_ROWS = 50_000;

    /** The columns, in order; {@code key} is the field name used in error locations and message keys. */
    enum Column {
        ID("id"),
        NAME("name"),
        KIND("kind"),
        CREDIT_CODE("creditCode"),
        UNIT_CODE("unitCode"),
        UNIT_NAME("unitName"),
        ADDRESS("address"),
        LATITUDE("latitude"),
        LONGITUDE("longitude"),
        PARENT_ID("parentId"),
        DESCRIPTION("description"),
        SYNTHETIC("synthetic"),
        VERSION("version");

        final String key;

        Column(String key) {
            this.key = key;
        }
    }

    /** One data row: its 1-based row number, the organisation it names (if any) and what it says. */
    public record RowInput(int row, UUID id, Long version, OrganisationDetails details) {}

    private final MessageSource messages;
    private final Map<String, OrganisationKind> kindsByName = new HashMap<>();

    OrganisationWorkbook(MessageSource messages) {
        this.messages = messages;
        for (OrganisationKind k : OrganisationKind.values()) {
            kindsByName.put(k.name(), k);
            kindsByName.put(kindLabel(k, Locale.SIMPLIFIED_CHINESE), k);
            kindsByName.put(kindLabel(k, Locale.ENGLISH).toLowerCase(Locale.ROOT), k);
        }
    }

    public static String at(int row, String field) {
        return "rows[" + row + "]." + field;
    }

    /** Writes the register, and on a second sheet the watermark line naming who exported it when. */
    public void write(List<OrganisationView> organisations, String watermark, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Gongzhi", "1.0");
        Worksheet ws = wb.newWorksheet(label("organization.workbook.sheet", Locale.SIMPLIFIED_CHINESE));
        Column[] columns = Column.values();
        for (Column c : columns) {
            ws.value(0, c.ordinal(), header(c, Locale.SIMPLIFIED_CHINESE));
            ws.style(0, c.ordinal()).bold().set();
        }
        int r = 1;
        for (OrganisationView o : organisations) {
            ws.value(r, Column.ID.ordinal(), o.id().toString());
            put(ws, r, Column.NAME, o.name());
            ws.value(r, Column.KIND.ordinal(), kindLabel(o.kind(), Locale.SIMPLIFIED_CHINESE));
            put(ws, r, Column.CREDIT_CODE, o.creditCode());
            put(ws, r, Column.UNIT_CODE, o.unitCode());
            put(ws, r, Column.UNIT_NAME, o.unitName());
            put(ws, r, Column.ADDRESS, o.address());
            if (o.latitude() != null) {
                ws.value(r, Column.LATITUDE.ordinal(), o.latitude());
                ws.value(r, Column.LONGITUDE.ordinal(), o.longitude());
            }
            put(
                    ws,
                    r,
                    Column.PARENT_ID,
                    o.parentId() == null ? null : o.parentId().toString());
            put(ws, r, Column.DESCRIPTION, o.description());
            ws.value(r, Column.SYNTHETIC.ordinal(), o.synthetic() ? "是" : "否");
            ws.value(r, Column.VERSION.ordinal(), o.version());
            r++;
        }
        ws.width(Column.NAME.ordinal(), 36);
        ws.width(Column.ID.ordinal(), 38);
        ws.width(Column.CREDIT_CODE.ordinal(), 22);
        ws.width(Column.ADDRESS.ordinal(), 30);
        Worksheet about = wb.newWorksheet(label("organization.workbook.about", Locale.SIMPLIFIED_CHINESE));
        about.value(0, 0, watermark);
        about.width(0, 120);
        wb.finish();
    }

    /**
     * The workbook to start an import from: the header row the import reads, one example row (a new organisation,
     * since it has no 编号), the kinds and yes/no as drop-downs from a sheet of allowed values, and a sheet that says
     * what each column holds.
     */
    public void writeTemplate(OutputStream out) throws IOException {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Workbook wb = new Workbook(out, "Gongzhi", "1.0");
        Worksheet ws = wb.newWorksheet(label("organization.workbook.sheet", zh));
        Worksheet values = wb.newWorksheet(label("organization.template.values", zh));
        Worksheet help = wb.newWorksheet(label("organization.template.help", zh));
        for (Column c : Column.values()) {
            ws.value(0, c.ordinal(), header(c, zh));
            ws.style(0, c.ordinal()).bold().set();
        }
        String first17 = "52110108MJ0000009";
        ws.value(1, Column.NAME.ordinal(), label("organization.template.example-name", zh));
        ws.value(1, Column.KIND.ordinal(), kindLabel(OrganisationKind.SOCIAL_ORGANIZATION, zh));
        ws.value(
                1,
                Column.CREDIT_CODE.ordinal(),
                first17 + org.gongzhi.shared.CreditCode.checkCharacter(first17).orElseThrow());
        ws.value(1, Column.UNIT_CODE.ordinal(), "110108010005");
        ws.value(1, Column.UNIT_NAME.ordinal(), "二里庄社区");
        ws.value(1, Column.ADDRESS.ordinal(), label("organization.template.example-address", zh));
        ws.value(1, Column.DESCRIPTION.ordinal(), label("organization.template.example-description", zh));
        ws.value(1, Column.SYNTHETIC.ordinal(), "否");
        OrganisationKind[] kinds = OrganisationKind.values();
        for (int i = 0; i < kinds.length; i++) {
            values.value(i, 0, kindLabel(kinds[i], zh));
        }
        values.value(0, 1, "是");
        values.value(1, 1, "否");
        int last = MAX_ROWS;
        ws.range(1, Column.KIND.ordinal(), last, Column.KIND.ordinal())
                .validateWithList(values.range(0, 0, kinds.length - 1, 0))
                .allowBlank(true)
                .errorStyle(org.dhatim.fastexcel.DataValidationErrorStyle.STOP)
                .showErrorMessage(true)
                .errorTitle(header(Column.KIND, zh))
                .error(label("organization.template.kind-error", zh));
        ws.range(1, Column.SYNTHETIC.ordinal(), last, Column.SYNTHETIC.ordinal())
                .validateWithList(values.range(0, 1, 1, 1))
                .allowBlank(true)
                .errorStyle(org.dhatim.fastexcel.DataValidationErrorStyle.STOP)
                .showErrorMessage(true)
                .errorTitle(header(Column.SYNTHETIC, zh))
                .error(label("organization.template.column.synthetic", zh));
        ws.width(Column.NAME.ordinal(), 36);
        ws.width(Column.ID.ordinal(), 38);
        ws.width(Column.KIND.ordinal(), 16);
        ws.width(Column.CREDIT_CODE.ordinal(), 22);
        ws.width(Column.ADDRESS.ordinal(), 30);
        ws.width(Column.DESCRIPTION.ordinal(), 40);
        int r = 0;
        for (Column c : Column.values()) {
            help.value(r, 0, header(c, zh));
            help.value(r, 1, label("organization.template.column." + c.key, zh));
            r++;
        }
        help.width(0, 20);
        help.width(1, 100);
        wb.finish();
    }

    private static void put(Worksheet ws, int row, Column column, String value) {
        if (value != null) {
            ws.value(row, column.ordinal(), value);
        }
    }

    /**
     * Reads every data row; cells that cannot be read add violations naming row and column. The file is checked
     * against {@link UploadLimits} before it is parsed, rows are read as a stream and stop at {@link #MAX_ROWS}, and a
     * cell longer than Excel's own limit ({@value #MAX_CELL} characters) is refused.
     */
    public List<RowInput> read(InputStream in, Violations violations) {
        List<RowInput> rows = new ArrayList<>();
        byte[] file;
        try {
            file = UploadLimits.readArchive(in);
        } catch (IOException e) {
            throw DomainException.invalid("organization.workbook.unreadable");
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(file));
                java.util.stream.Stream<Row> stream = wb.getFirstSheet().openStream()) {
            var all = stream.iterator();
            if (!all.hasNext() || !headerMatches(all.next())) {
                violations.add("rows[1]", "organization.workbook.header");
                return rows;
            }
            int read = 0;
            while (all.hasNext()) {
                Row row = all.next();
                if (++read > MAX_ROWS) {
                    violations.add("rows", "organization.workbook.too-many-rows", MAX_ROWS);
                    return List.of();
                }
                if (isBlank(row)) {
                    continue;
                }
                if (!cellsFit(row, violations)) {
                    continue;
                }
                RowInput input = readRow(row, violations);
                if (input != null) {
                    rows.add(input);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("organization.workbook.unreadable");
        }
        if (rows.isEmpty() && violations.isEmpty()) {
            violations.add("rows", "organization.workbook.empty");
        }
        return rows;
    }

    /** Excel's own limit on the text of one cell. */
    static final int MAX_CELL = 32_767;

    private static boolean cellsFit(Row row, Violations violations) {
        boolean fit = true;
        for (Column c : Column.values()) {
            // A formula's error (#DIV/0!, #REF! …) is no value at all, whatever its text says.
            if (row.hasCell(c.ordinal())
                    && row.getCell(c.ordinal()).getType() == org.dhatim.fastexcel.reader.CellType.ERROR) {
                violations.add(at(row.getRowNum(), c.key), "organization.workbook.cell-error");
                fit = false;
                continue;
            }
            if (row.hasCell(c.ordinal())) {
                String text = row.getCellText(c.ordinal());
                if (text != null && text.length() > MAX_CELL) {
                    violations.add(at(row.getRowNum(), c.key), "organization.workbook.cell-too-long", MAX_CELL);
                    fit = false;
                }
            }
        }
        return fit;
    }

    private RowInput readRow(Row row, Violations violations) {
        int n = row.getRowNum();
        int before = violations.size();
        UUID id = null;
        String idText = cell(row, Column.ID);
        if (idText != null) {
            try {
                id = UUID.fromString(idText);
            } catch (IllegalArgumentException e) {
                violations.add(at(n, Column.ID.key), "organization.workbook.id", idText);
            }
        }
        UUID parent = null;
        String parentText = cell(row, Column.PARENT_ID);
        if (parentText != null) {
            try {
                parent = UUID.fromString(parentText);
            } catch (IllegalArgumentException e) {
                violations.add(at(n, Column.PARENT_ID.key), "organization.workbook.id", parentText);
            }
        }
        String kindText = cell(row, Column.KIND);
        OrganisationKind kind = kindText == null ? null : kindOf(kindText);
        if (kindText != null && kind == null) {
            violations.add(at(n, Column.KIND.key), "organization.kind.unknown", kindText);
        }
        BigDecimal lat = number(row, n, Column.LATITUDE, violations);
        BigDecimal lng = number(row, n, Column.LONGITUDE, violations);
        if (lat != null && lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            violations.add(at(n, Column.LATITUDE.key), "organization.workbook.range", lat);
        }
        if (lng != null && lng.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            violations.add(at(n, Column.LONGITUDE.key), "organization.workbook.range", lng);
        }
        BigDecimal version = number(row, n, Column.VERSION, violations);
        Boolean synthetic = yesNo(cell(row, Column.SYNTHETIC));
        if (synthetic == null) {
            violations.add(at(n, Column.SYNTHETIC.key), "organization.workbook.yes-no", cell(row, Column.SYNTHETIC));
        }
        String address = cell(row, Column.ADDRESS);
        String description = cell(row, Column.DESCRIPTION);
        if (address != null && address.length() > 200) {
            violations.add(at(n, Column.ADDRESS.key), "organization.address.too-long", 200);
        }
        if (description != null && description.length() > 2000) {
            violations.add(at(n, Column.DESCRIPTION.key), "organization.description.too-long", 2000);
        }
        if (violations.size() > before) {
            return null;
        }
        return new RowInput(
                n,
                id,
                version == null ? null : version.longValue(),
                new OrganisationDetails(
                        cell(row, Column.NAME),
                        kind,
                        cell(row, Column.CREDIT_CODE),
                        cell(row, Column.UNIT_CODE),
                        address,
                        lat,
                        lng,
                        parent,
                        description,
                        Boolean.TRUE.equals(synthetic)));
    }

    private boolean headerMatches(Row header) {
        for (Column c : Column.values()) {
            String text = cell(header, c);
            if (text == null
                    || !(text.equals(header(c, Locale.SIMPLIFIED_CHINESE)) || text.equals(header(c, Locale.ENGLISH)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(Row row) {
        for (Column c : Column.values()) {
            if (cell(row, c) != null) {
                return false;
            }
        }
        return true;
    }

    private static String cell(Row row, Column c) {
        if (!row.hasCell(c.ordinal())) {
            return null;
        }
        return Text.stripToNull(row.getCellText(c.ordinal()));
    }

    private static BigDecimal number(Row row, int n, Column c, Violations violations) {
        String text = cell(row, c);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            violations.add(at(n, c.key), "organization.workbook.number", text);
            return null;
        }
    }

    private static Boolean yesNo(String text) {
        if (text == null) {
            return Boolean.FALSE;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "是", "yes", "y", "true", "1" -> Boolean.TRUE;
            case "否", "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private OrganisationKind kindOf(String text) {
        OrganisationKind k = kindsByName.get(text);
        return k != null ? k : kindsByName.get(text.toLowerCase(Locale.ROOT));
    }

    private String kindLabel(OrganisationKind kind, Locale locale) {
        return label("organization.kind." + kind.name(), locale);
    }

    private String header(Column c, Locale locale) {
        return label("organization.field." + c.key, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
