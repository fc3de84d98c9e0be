package io.rsaudit.core.report.csv;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes rows of a fixed set of columns, header first, RFC 4180 quoting, CRLF line ends; formulas neutralised. */
final class CsvRows {

    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();

    private final SequenceWriter rows;
    private final int width;

    CsvRows(Writer out, List<String> columns) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        this.rows = CSV.writerFor(List.class).with(schema.build()).writeValues(out);
        this.width = columns.size();
        rows.write(columns); // the header row, written even when no row follows
    }

    void row(List<String> cells) throws IOException {
        if (cells.size() != width) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + width + " columns");
        }
        List<String> safe = new ArrayList<>(cells.size());
        for (String c : cells) {
            safe.add(cell(c));
        }
        rows.write(safe);
    }

    void close() throws IOException {
        rows.flush();
        rows.close();
    }

    /** A cell as a spreadsheet may show it: {@code null} empty, a would-be formula prefixed with {@code '}. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
