package io.rsaudit.core.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Escaping, the page's frame (head, style, script) and small charts, shared by the scan and hunt pages. */
final class Html {

    private Html() {}

    /** {@code s} safe as element text and as a quoted attribute value; {@code null} is empty. */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append("&#xFFFD;");
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The document's start up to the opening of {@code <main>}: the no-network policy, the style sheet. */
    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                + " script-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + resource("report.css") + "</style>\n</head>\n<body>\n<main>\n";
    }

    /** The document's end: the script, then the closing tags. */
    static String foot() {
        return "</main>\n<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n";
    }

    /** A bar chart of {@code counts}, each bar as wide as its share of the largest; ids {@code <id>-<key>}. */
    static String bars(String id, String caption, Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder b = new StringBuilder(
                "<figure class=\"chart\" id=\"" + escape(id) + "\"><figcaption>" + escape(caption) + "</figcaption>\n");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long pct = max == 0 ? 0 : Math.round(100.0 * e.getValue() / max);
            b.append("<div class=\"bar\"><span class=\"label\">")
                    .append(escape(e.getKey()))
                    .append("</span><span class=\"track\"><span class=\"fill k-")
                    .append(escape(e.getKey().replaceAll("[^a-z_]", "")))
                    .append("\" style=\"width:")
                    .append(pct)
                    .append("%\"></span></span><span class=\"n\" data-count=\"")
                    .append(escape(id + ":" + e.getKey()))
                    .append("\">")
                    .append(e.getValue())
                    .append("</span></div>\n");
        }
        return b.append("</figure>\n").toString();
    }

    static <K> Map<String, Long> sorted(Map<K, Long> counts) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + Html.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
