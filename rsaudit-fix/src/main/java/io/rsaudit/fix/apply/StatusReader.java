package io.rsaudit.fix.apply;

import io.rsaudit.core.model.ResourceId;
import java.util.Optional;

/**
 * Reads the status AWS reports for one resource now: a cluster's {@code ClusterStatus} ({@code available}, {@code
 * modifying}...), a workgroup's or namespace's {@code status} ({@code AVAILABLE}, {@code MODIFYING}...). Empty when it
 * cannot be read (the call failed, the resource is gone, or the type has no status).
 */
@FunctionalInterface
public interface StatusReader {

    Optional<String> status(ResourceId resource);
}
