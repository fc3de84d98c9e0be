package io.rsaudit.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.google.re2j.Pattern;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A call's output in an export folder: one file, or pages {@code <name>.page-1.json ... <name>.page-N.json}. Each
 * file is parsed once, as a stream: a list's elements are handed out one by one as they are read (memory does not
 * grow with the file), and only the members the readers read are kept ({@link JsonObject}).
 *
 * @param pages the files in order, each with its location relative to the input root
 * @param gapless false when a page between the first and the last is missing (already reported)
 */
record JsonPages(List<Page> pages, boolean gapless) implements CallOutput.Answer {

    /** One page file and its location relative to the input root. */
    record Page(Path file, String location) {}

    private static final JsonFactory JSON = new JsonFactory();

    /** Jackson's description of its source in a message (linear-time: the message can quote the input). */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    JsonPages {
        pages = List.copyOf(pages);
    }

    @Override
    public String location() {
        return pages.get(0).location();
    }

    /**
     * What one page held besides its elements.
     *
     * @param nextToken the page token, or {@code null}
     * @param truncated whether the call's {@link AwsCliCall#truncated()} member is true
     */
    private record PageRead(boolean listSeen, boolean complete, String nextToken, boolean truncated) {}

    @Override
    public boolean elements(
            AwsCliCall call,
            Projection response,
            Projection element,
            Diagnostics diagnostics,
            Consumer<ResponseObject> sink) {
        boolean complete = gapless;
        PageRead last = null;
        for (Page page : pages) {
            last = list(page, call, response, element, diagnostics, sink);
            complete &= last.complete() && last.listSeen();
        }
        return pageChainComplete(pages.get(pages.size() - 1), last, call, diagnostics) && complete;
    }

    /**
     * Streams one page: each element of the list member to {@code sink}, the other members checked against the
     * response's shape (the page token kept for the chain).
     */
    private static PageRead list(
            Page page,
            AwsCliCall call,
            Projection response,
            Projection element,
            Diagnostics diagnostics,
            Consumer<ResponseObject> sink) {
        String where = page.location();
        String listMember = call.listMember();
        String listPointer = "/" + listMember + "/";
        List<String[]> unknown = new ArrayList<>();
        List<String[]> unknownAtTop = new ArrayList<>();
        boolean listSeen = false;
        Object notAList = null;
        String nextToken = null;
        boolean truncated = false;
        int read = 0;
        try (InputStream in = Files.newInputStream(page.file());
                JsonParser parser = JSON.createParser(in)) {
            if (!startsObject(parser, where, diagnostics)) {
                return new PageRead(false, false, null, false);
            }
            Set<String> names = new HashSet<>();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                if (!names.add(name)) {
                    throw JsonObject.duplicate(parser, name);
                }
                JsonToken token = parser.nextToken();
                if (name.equals(listMember) && token == JsonToken.START_ARRAY) {
                    listSeen = true;
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                        Provenance at = Provenance.element(where, listPointer, read);
                        if (token == JsonToken.START_OBJECT) {
                            unknown.clear();
                            JsonObject object = JsonObject.read(parser, element, at, diagnostics, unknown);
                            warn(where, unknown, diagnostics);
                            read++;
                            sink.accept(object);
                        } else {
                            Object found = JsonObject.plain(parser);
                            read++;
                            diagnostics.error(
                                    Kind.INVALID_VALUE,
                                    at.toString(),
                                    "expected a " + element.shape().name() + " object, found "
                                            + ResponseObject.describePlain(found));
                        }
                    }
                    continue;
                }
                if (!response.shape().members().contains(name)) {
                    unknownAtTop.add(new String[] {"/" + name, response.shape().name(), name});
                }
                if (name.equals(listMember)) {
                    notAList = JsonObject.plain(parser);
                } else if (name.equals(call.pageToken()) && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    nextToken = parser.getText();
                } else if (name.equals(call.truncated()) && token == JsonToken.VALUE_TRUE) {
                    truncated = true;
                } else {
                    parser.skipChildren();
                }
            }
            boolean ended = parser.nextToken() == null;
            if (!ended) {
                trailing(where, parser, diagnostics);
            }
            warn(where, unknownAtTop, diagnostics);
            if (!listSeen) {
                diagnostics.error(
                        Kind.MALFORMED,
                        where + "#/" + listMember,
                        "not the output of "
                                + call.cli() + ": "
                                + (notAList == null
                                        ? "'" + listMember + "' is absent"
                                        : "'" + listMember + "' is not a list but "
                                                + ResponseObject.describePlain(notAList)));
            }
            return new PageRead(listSeen, ended, nextToken, truncated);
        } catch (IOException e) {
            report(where, e, read, diagnostics);
            warn(where, unknownAtTop, diagnostics);
            return new PageRead(listSeen, false, null, false);
        }
    }

    @Override
    public ResponseObject document(Projection shape, Diagnostics diagnostics) {
        Page page = pages.get(0);
        String where = page.location();
        try (InputStream in = Files.newInputStream(page.file());
                JsonParser parser = JSON.createParser(in)) {
            if (!startsObject(parser, where, diagnostics)) {
                return null;
            }
            List<String[]> unknown = new ArrayList<>();
            JsonObject doc = JsonObject.read(parser, shape, Provenance.of(where, ""), diagnostics, unknown);
            if (parser.nextToken() != null) {
                trailing(where, parser, diagnostics);
                return null;
            }
            warn(where, unknown, diagnostics);
            return doc;
        } catch (IOException e) {
            report(where, e, 0, diagnostics);
            return null;
        }
    }

    private static void warn(String where, List<String[]> unknown, Diagnostics diagnostics) {
        for (String[] u : unknown) {
            diagnostics.unknownField(where, u[0], u[1], u[2]);
        }
    }

    /**
     * Checks that the last page does not announce another one, by its page token or its {@link AwsCliCall#truncated()}
     * member. Returns false (and reports it) when it does: the resources on the pages that were not collected went
     * unseen.
     */
    private static boolean pageChainComplete(Page last, PageRead read, AwsCliCall call, Diagnostics diagnostics) {
        if (read == null) {
            return true;
        }
        boolean token = read.nextToken() != null && !read.nextToken().isEmpty();
        if (!token && !read.truncated()) {
            return true;
        }
        String member = token ? call.pageToken() : call.truncated();
        diagnostics.error(
                Kind.NOT_COLLECTED,
                last.location() + "#/" + member,
                "the last page says more follow (" + member + (token ? " is set" : " is true")
                        + ") but no further page was collected: the resources on later pages were not judged (re-run"
                        + " the collector, or add " + nextPageName(last.location()) + ")");
        return false;
    }

    private static String nextPageName(String location) {
        PageName page = PageName.of(location);
        if (page != null) {
            return page.next();
        }
        return location.replace(".json", ".page-2.json") + " (after renaming this file .page-1.json)";
    }

    private static boolean startsObject(JsonParser parser, String where, Diagnostics diagnostics) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_OBJECT) {
            return true;
        }
        diagnostics.error(
                Kind.MALFORMED,
                where + (first == null ? "" : "#"),
                first == null
                        ? "empty file; expected the JSON the AWS CLI prints"
                        : "expected a JSON object at the top level, found "
                                + ResponseObject.describePlain(JsonObject.plain(parser)));
        return false;
    }

    private static void trailing(String where, JsonParser parser, Diagnostics diagnostics) {
        diagnostics.error(
                Kind.MALFORMED,
                where + at(parser.currentTokenLocation()),
                "malformed JSON: more content"
                        + " after the end of the document (two outputs in one file?); what follows was not read");
    }

    private static void report(String where, IOException e, int elementsRead, Diagnostics diagnostics) {
        String read =
                elementsRead == 0 ? "" : "; the " + elementsRead + " element(s) before it were read, the rest not";
        if (e instanceof JsonEOFException eof) {
            diagnostics.error(
                    Kind.MALFORMED,
                    where + at(eof.getLocation()),
                    "unexpected end of input: the file is truncated (" + plain(eof.getOriginalMessage()) + ")" + read);
        } else if (e instanceof StreamConstraintsException big) {
            diagnostics.error(
                    Kind.MALFORMED, where, "too large to be AWS CLI output: " + big.getOriginalMessage() + read);
        } else if (e instanceof JsonProcessingException bad) {
            diagnostics.error(
                    Kind.MALFORMED,
                    where + at(bad.getLocation()),
                    "malformed JSON: " + plain(bad.getOriginalMessage()) + read);
        } else {
            diagnostics.error(Kind.MALFORMED, where, "cannot read: " + e + read);
        }
    }

    /** Jackson's message without its source description, which names no file and only adds noise. */
    private static String plain(String message) {
        return SOURCE.matcher(message).replaceAll("line $1, column $2");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }
}
