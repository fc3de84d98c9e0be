package io.rsaudit.core.check;

import io.rsaudit.core.model.Resource;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Severity;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A check with everything known about it: annotation, resource type (from its type argument) and documentation.
 *
 * @param securityHub the AWS Security Hub controls the check answers ({@code Redshift.1}); empty when none
 */
public record CheckMetadata(
        String id,
        String title,
        Severity severity,
        Area area,
        ResourceType resourceType,
        Check<? extends Resource> check,
        Documentation documentation,
        List<String> securityHub) {

    private static final Pattern ID = Pattern.compile("RS-[A-Z]+-\\d{3}");
    private static final Pattern CONTROL = Pattern.compile("(Redshift|RedshiftServerless)\\.[1-9]\\d*");

    public CheckMetadata {
        securityHub = List.copyOf(securityHub);
    }

    /** Reads and validates the metadata of {@code check}; a failure names the class and what is wrong. */
    public static CheckMetadata of(Check<? extends Resource> check) {
        Class<?> type = check.getClass();
        CheckInfo info = type.getAnnotation(CheckInfo.class);
        if (info == null) {
            throw new IllegalStateException(type.getName() + " has no @CheckInfo");
        }
        if (!ID.matcher(info.id()).matches()) {
            throw new IllegalStateException(type.getName() + ": id '" + info.id() + "' is not RS-AREA-NNN");
        }
        Documentation doc = Documentation.read(type, info.id());
        String expected = info.id() + ": " + info.title();
        if (!doc.heading().equals(expected)) {
            throw new IllegalStateException(
                    info.id() + ".md: heading '" + doc.heading() + "' should be '" + expected + "'");
        }
        for (String control : info.securityHub()) {
            if (!CONTROL.matcher(control).matches()) {
                throw new IllegalStateException(type.getName() + ": Security Hub control '" + control
                        + "' is not Redshift.N or RedshiftServerless.N");
            }
        }
        return new CheckMetadata(
                info.id(),
                info.title(),
                info.severity(),
                info.area(),
                resourceTypeOf(type),
                check,
                doc,
                List.of(info.securityHub()));
    }

    private static ResourceType resourceTypeOf(Class<?> type) {
        for (Type t : type.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == Check.class) {
                return ResourceType.of((Class<?>) p.getActualTypeArguments()[0]);
            }
        }
        throw new IllegalStateException(type.getName() + " must implement Check<SomeResource> directly");
    }

    /** Runs the check; the cast is safe because the engine only passes resources of {@link #resourceType()}. */
    @SuppressWarnings("unchecked")
    public Outcome evaluate(Resource resource, CheckContext context) {
        return ((Check<Resource>) check).evaluate(resource, context);
    }
}
