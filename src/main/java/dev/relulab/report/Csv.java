package dev.relulab.report;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * CSV text through jackson-dataformat-csv: a header row, then rows, each field quoted only when it needs it (a
 * comma, a quote or a line break in an initialiser's text such as {@code uniform(-1,1)}). Floats print in Java's
 * shortest round-trip form.
 */
public final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {}

    public static String of(List<String> header, List<? extends List<?>> rows) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (String h : header) b.addColumn(h);
        StringWriter w = new StringWriter();
        try (CsvGenerator g = (CsvGenerator) MAPPER.getFactory().createGenerator(w)) {
            g.setSchema(b.build().withLineSeparator("\n"));
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("CSV row has " + row.size() + " fields, the header " + header.size());
                }
                g.writeStartArray();
                for (Object v : row) {
                    if (v == null) g.writeNull();
                    else if (v instanceof Float) g.writeNumber((Float) v);
                    else if (v instanceof Double) g.writeNumber((Double) v);
                    else if (v instanceof Long) g.writeNumber((Long) v);
                    else if (v instanceof Integer) g.writeNumber((Integer) v);
                    else g.writeString(v.toString());
                }
                g.writeEndArray();
            }
        }
        return w.toString();
    }
}
