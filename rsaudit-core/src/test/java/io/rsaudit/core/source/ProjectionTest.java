package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reader does not declare it cannot read: a member is kept only when a projection lists it. */
class ProjectionTest {

    @Test
    void aMemberTheShapeDoesNotDefineCannotBeProjected() {
        assertThatThrownBy(() -> Projection.of(AwsShapes.CLUSTER, "ClusterIdentifier", "Encypted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Encypted is not a member of Cluster");
        assertThatThrownBy(() -> Projection.of(AwsShapes.CLUSTER, "Encrypted", "Encrypted"))
                .hasMessageContaining("twice");
    }

    @Test
    void aReaderAskingForAMemberNotProjectedFailsAtOnceWhateverTheInput() throws Exception {
        Projection projection = Projection.of(AwsShapes.CLUSTER, "ClusterIdentifier");
        ResponseObject cluster = read("{\"ClusterIdentifier\": \"a\", \"Encrypted\": true}", projection);
        assertThat(cluster.text("ClusterIdentifier", Absent.UNKNOWN).value()).isEqualTo("a");
        // present in the file, but not kept: asking for it is a bug in the reader, not an absent member
        assertThatThrownBy(() -> cluster.bool("Encrypted", Absent.UNKNOWN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Encrypted of Cluster");
    }

    @Test
    void aNestedObjectIsReadWithItsOwnProjection() throws Exception {
        Projection projection = Projection.of(AwsShapes.CLUSTER, "ClusterIdentifier")
                .with("Endpoint", Projection.of(AwsShapes.ENDPOINT, "Port"));
        ResponseObject cluster = read(
                "{\"ClusterIdentifier\": \"a\", \"Endpoint\": {\"Address\": \"x\", \"Port\": 5439, \"Bogus\": 1}}",
                projection);
        var endpoint = cluster.object("Endpoint");
        assertThat(endpoint.value().integer("Port", Absent.UNKNOWN).value()).isEqualTo(5439);
        assertThat(endpoint.value().integer("Port", Absent.UNKNOWN).provenance().pointer())
                .isEqualTo("/Clusters/0/Endpoint/Port");
        assertThatThrownBy(() -> cluster.text("Endpoint", Absent.UNKNOWN).value())
                .as("an object member is not a scalar")
                .isInstanceOf(IllegalStateException.class);
    }

    private static ResponseObject read(String json, Projection projection) throws Exception {
        var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(json);
        parser.nextToken();
        List<String[]> unknown = new ArrayList<>();
        return JsonObject.read(parser, projection, Provenance.of("f.json", "/Clusters/0"), new Diagnostics(), unknown);
    }
}
