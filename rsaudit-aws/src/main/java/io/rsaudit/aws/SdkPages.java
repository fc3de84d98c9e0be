package io.rsaudit.aws;

import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.CallOutput;
import io.rsaudit.core.source.Diagnostics;
import io.rsaudit.core.source.Projection;
import io.rsaudit.core.source.ResponseObject;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A live call's answer: the SDK's response pages, each with its location ({@link Responses#location}), which names
 * the call, the page and AWS's request id. Read whole: the collector follows every page before it hands them over,
 * so nothing is ever partial here.
 */
record SdkPages(List<SdkPojo> pages, List<String> locations) implements CallOutput.Answer {

    SdkPages {
        pages = List.copyOf(pages);
        locations = List.copyOf(locations);
    }

    @Override
    public String location() {
        return locations.get(0);
    }

    @Override
    public boolean elements(
            AwsCliCall call,
            Projection response,
            Projection element,
            Diagnostics diagnostics,
            Consumer<ResponseObject> sink) {
        String pointer = "/" + call.listMember() + "/";
        for (int p = 0; p < pages.size(); p++) {
            Object list = SdkObject.value(pages.get(p), call.listMember());
            if (!(list instanceof List<?> elements)) {
                continue; // the service returned no list: none of that resource
            }
            for (int i = 0; i < elements.size(); i++) {
                Provenance at = Provenance.element(locations.get(p), pointer, i);
                if (elements.get(i) instanceof SdkPojo pojo) {
                    sink.accept(new SdkObject(pojo, at, element, diagnostics));
                } else {
                    diagnostics.error(
                            Kind.INVALID_VALUE,
                            at.toString(),
                            "expected a " + element.shape().name() + " object, found " + elements.get(i));
                }
            }
        }
        return true;
    }

    @Override
    public ResponseObject document(Projection shape, Diagnostics diagnostics) {
        return new SdkObject(pages.get(0), Provenance.of(location(), ""), shape, diagnostics);
    }
}
