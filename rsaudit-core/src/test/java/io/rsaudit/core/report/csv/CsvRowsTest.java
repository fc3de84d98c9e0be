package io.rsaudit.core.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void quotesAsRfc4180SaysAndDefusesFormulas() throws Exception {
        StringWriter out = new StringWriter();
        CsvRows rows = new CsvRows(out, List.of("a", "b", "c", "d"));
        rows.row(List.of("=HYPERLINK(\"x\")", "say \"hi\", then\nleave", "", "-1+1"));
        rows.row(java.util.Arrays.asList("@SUM(A1)", null, "plain", "+x"));
        rows.close();
        assertThat(out.toString())
                .isEqualTo("a,b,c,d\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",\"say \"\"hi\"\", then\nleave\",\"\",\"'-1+1\"\r\n"
                        + "\"'@SUM(A1)\",\"\",plain,\"'+x\"\r\n");
    }

    @Test
    void theHeaderIsWrittenEvenWithoutRows() throws Exception {
        StringWriter out = new StringWriter();
        new CsvRows(out, List.of("x", "y")).close();
        assertThat(out.toString()).isEqualTo("x,y\r\n");
    }
}
