package io.rsaudit.core.hunt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events built by hand for engine tests, before and besides the real parsers. */
public final class TestEvents {

    private final LogType type;
    private Instant time;
    private String user;
    private String source;
    private String sql;
    private String cluster = "prod";
    private String region = "eu-west-1";
    private String account = "111111111111";
    private String tls;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String file = "test.log";
    private long line = 1;

    private TestEvents(LogType type) {
        this.type = type;
    }

    public static TestEvents of(LogType type) {
        return new TestEvents(type);
    }

    public TestEvents at(String iso) {
        time = Instant.parse(iso);
        return this;
    }

    public TestEvents user(String u) {
        user = u;
        return this;
    }

    public TestEvents from(String address) {
        source = address;
        return this;
    }

    public TestEvents sql(String s) {
        sql = s;
        return this;
    }

    public TestEvents cluster(String c) {
        cluster = c;
        return this;
    }

    public TestEvents tls(String t) {
        tls = t;
        return this;
    }

    public TestEvents field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public TestEvents origin(String f, long l) {
        file = f;
        line = l;
        return this;
    }

    public Event build() {
        return new Event(
                type,
                time,
                account,
                region,
                cluster,
                "dev",
                user,
                source,
                fields.get("event"),
                sql,
                EventOutcome.UNKNOWN,
                tls,
                Map.copyOf(fields),
                new Origin(file, line, 0));
    }
}
