package io.rsaudit.core.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void escapesMarkupAndReplacesWhatXmlCannotCarry() throws Exception {
        StringWriter out = new StringWriter();
        Xml x = new Xml(out);
        x.start("a").attr("n", "\"<script>&'\u0001").text("</a><b>\u0000").end();
        x.finish();
        assertThat(out.toString())
                .contains("<a n=\"&quot;&lt;script&gt;&amp;'\uFFFD\">&lt;/a&gt;&lt;b&gt;\uFFFD</a>")
                .doesNotContain("<script>");
    }
}
