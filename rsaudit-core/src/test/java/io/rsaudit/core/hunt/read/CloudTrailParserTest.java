package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailParserTest {

    @TempDir
    Path dir;

    static final String MODIFY = """
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/mallory",
             "accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE"},
             "eventTime":"2023-06-26T18:02:47Z","eventSource":"redshift.amazonaws.com","eventName":"ModifyCluster",
             "awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2",
             "requestParameters":{"clusterIdentifier":"prod-dw","publiclyAccessible":true,
               "masterUserPassword":"hunter2","vpcSecurityGroupIds":["sg-1","sg-2"]},
             "responseElements":null,"recipientAccountId":"123456789012",
             "tlsDetails":{"tlsVersion":"TLSv1.3"}}""";
    static final String DENIED = """
            {"eventTime":"2023-06-26T18:03:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging",
             "awsRegion":"eu-west-1","errorCode":"AccessDenied","userIdentity":{"arn":"arn:aws:iam::1:user/x"},
             "requestParameters":{"name":"org-trail"},"recipientAccountId":"123456789012"}""";

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void flattensRecordsAndMapsTheCommonFields() throws IOException {
        Path f = write(
                "123456789012_CloudTrail_eu-west-1_20230626T1805Z_abc123.json.gz",
                Logs.gzip(Logs.utf8("{\"Records\":[" + MODIFY + ",\n" + DENIED + "]}")));
        Logs.Read r = Logs.read(f);
        assertThat(r.events()).hasSize(2);
        Event e = r.events().get(0);
        assertThat(e.type()).isEqualTo(LogType.CLOUDTRAIL);
        assertThat(e.action()).isEqualTo("redshift:ModifyCluster");
        assertThat(e.time()).isEqualTo(Instant.parse("2023-06-26T18:02:47Z"));
        assertThat(e.account()).isEqualTo("123456789012");
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(e.cluster()).isEqualTo("prod-dw");
        assertThat(e.user()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
        assertThat(e.sourceAddress()).isEqualTo("198.51.100.7");
        assertThat(e.outcome()).isEqualTo(EventOutcome.SUCCESS);
        assertThat(e.tlsVersion()).isEqualTo("TLSv1.3");
        assertThat(e.fields())
                .containsEntry("requestParameters.publiclyAccessible", "true")
                .containsEntry("requestParameters.vpcSecurityGroupIds.1", "sg-2")
                .containsEntry("requestParameters.masterUserPassword", "<redacted:password>")
                .containsEntry("userIdentity.accessKeyId", "AKIAIOSFODNN7EXAMPLE")
                .containsEntry("redactions", "password")
                .doesNotContainKey("responseElements");
        assertThat(e.origin().index()).isZero();
        Event denied = r.events().get(1);
        assertThat(denied.action()).isEqualTo("cloudtrail:StopLogging");
        assertThat(denied.outcome()).isEqualTo(EventOutcome.FAILURE);
        assertThat(denied.origin().line()).isEqualTo(9);
        assertThat(denied.origin().index()).isEqualTo(1);
    }

    /**
     * The other ways records reach an investigator give the same events as a trail's file: CloudWatch Logs'
     * messages (records one after another), lookup-events' answer (each record as JSON text), an array; told by
     * their content, without a name or --type.
     */
    @Test
    void recordsOneAfterAnotherFromLookupEventsOrInAnArrayReadAsATrailsFile() throws IOException {
        List<Event> trail = Logs.read(write("trail.json", Logs.utf8("{\"Records\":[" + MODIFY + ",\n" + DENIED + "]}")))
                .events();
        String oneLine = MODIFY.replace("\n", "") + "\n" + DENIED.replace("\n", "") + "\n";
        ObjectMapper json = new ObjectMapper();
        String lookup = "{\"Events\":["
                + "{\"EventId\":\"e1\",\"EventName\":\"ModifyCluster\",\"CloudTrailEvent\":"
                + json.writeValueAsString(MODIFY) + "},\n"
                + "{\"EventId\":\"e2\",\"CloudTrailEvent\":" + json.writeValueAsString(DENIED) + "}],"
                + "\"NextToken\":\"abc\"}";
        assertThat(trail.get(1).origin().pointer()).isEqualTo("/Records/1");
        Map<String, String> pointers = new LinkedHashMap<>();
        pointers.put(oneLine, null); // not one JSON document: the record's line says where
        pointers.put(lookup, "/Events/1/CloudTrailEvent");
        pointers.put("[" + MODIFY + ",\n" + DENIED + "]", "/1");
        for (Map.Entry<String, String> layout : pointers.entrySet()) {
            String content = layout.getKey();
            Logs.Read r = Logs.read(write("events.json", Logs.utf8(content)));
            assertThat(r.summary().problems()).as(content).isEmpty();
            assertThat(r.events()).as(content).hasSize(2);
            assertThat(r.events().get(1).origin().pointer()).isEqualTo(layout.getValue());
            for (int i = 0; i < 2; i++) {
                assertThat(r.events().get(i).fields()).isEqualTo(trail.get(i).fields());
                assertThat(r.events().get(i).action()).isEqualTo(trail.get(i).action());
                assertThat(r.events().get(i).time()).isEqualTo(trail.get(i).time());
            }
        }
        // each record's own line; a bad one is named by its place
        Logs.Read lines = Logs.read(write("events.json", Logs.utf8(oneLine + "7\n{\"eventVersion\":\"1.08\"}\n")));
        assertThat(lines.events()).extracting(e -> e.origin().line()).containsExactly(1L, 2L);
        assertThat(lines.summary().problems())
                .extracting(ReadProblem::message)
                .containsExactly("record 2 is not an object", "record 3: no eventTime");
        Logs.Read looked = Logs.read(write(
                "events.json", Logs.utf8("{\"Events\":[{\"EventId\":\"e1\"},{\"CloudTrailEvent\":\"{not json\"}]}")));
        assertThat(looked.events()).isEmpty();
        assertThat(looked.summary().problems())
                .extracting(ReadProblem::message)
                .containsExactly(
                        "Events[0] has no CloudTrailEvent",
                        "Events[1]: its CloudTrailEvent is not valid JSON: Unexpected character ('n' (code 110)): was"
                                + " expecting double-quote to start field name");
    }

    @Test
    void contentTellsCloudTrailWhenTheNameDoesNot() throws IOException {
        Path f = write("trail.json", Logs.utf8("{\"Records\":[" + DENIED + "]}"));
        assertThat(Logs.read(f).only().action()).isEqualTo("cloudtrail:StopLogging");
        Path other = write("notes.txt", Logs.utf8("hello\n"));
        Logs.Read r = Logs.read(other);
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().skippedFiles()).containsEntry("unknown-type", 1L);
        assertThat(r.summary().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .isEqualTo("cannot tell the log type of " + other
                                + ": name it as Redshift does (<account>_redshift_"
                                + "<region>_<cluster>_<logtype>_<YYYY-MM-DDTHH:MM>.gz) or pass --type"));
    }

    @Test
    void brokenJsonKeepsTheRecordsBeforeIt() throws IOException {
        Path f = write(
                "123456789012_CloudTrail_eu-west-1_20230626T1805Z_abc123.json",
                Logs.utf8("{\"Records\":[" + DENIED + ",\n{\"eventTime\":\"2023-06-26T18:03:00Z\",]}"));
        Logs.Read r = Logs.read(f);
        assertThat(r.events()).hasSize(1);
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.INVALID_JSON);
            assertThat(p.origin().line()).isEqualTo(4);
        });
    }

    /** The keys whose values are redacted whole: those the case-insensitive pattern of the format notes matches. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "masterUserPassword",
                "password",
                "PASSWORD",
                "Password1",
                "passwordPolicy",
                "secretAccessKey",
                "SecretAccessKey",
                "secretaccesskeyid",
                "sessionToken",
                "session_token",
                "aws_secret_access_key",
                "secret_access_key_x",
                "token",
                "accessKeyId",
                "0",
                "",
                "d",
                "xpassword",
                "newMasterUserPassword",
                "sessiontoken",
                "SESSION_TOKEN",
                "secret-access-key",
                "pass word"
            })
    void secretKeysAreThoseThePatternNames(String key) {
        boolean byPattern = java.util.regex.Pattern.compile(
                        "(?i).*(password|secretaccesskey|sessiontoken|secret_access_key|session_token)")
                .matcher(key)
                .matches();
        assertThat(CloudTrailParser.isSecretKey(key)).isEqualTo(byPattern);
    }
}
