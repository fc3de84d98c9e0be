package io.rsaudit.core.hunt.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** One string member of a JSON object read as a stream, the object's other members skipped. */
final class JsonMember {

    private JsonMember() {}

    /**
     * Reads the rest of the object whose {@code START_OBJECT} the parser is at, up to its {@code END_OBJECT}: the
     * string value of its member {@code name}, or {@code null} (absent, or not a string).
     */
    static String string(JsonParser p, String name) throws IOException {
        String found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            if (member.equals(name) && value == JsonToken.VALUE_STRING) {
                found = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return found;
    }
}
