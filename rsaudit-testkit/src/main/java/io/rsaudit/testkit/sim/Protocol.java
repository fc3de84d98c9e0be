package io.rsaudit.testkit.sim;

/** The wire protocols of the services the collector calls. */
enum Protocol {
    /** AWS Query: form-encoded POST, XML answers wrapped in {@code <OpResult>}, errors in {@code <ErrorResponse>}. */
    QUERY,
    /** EC2: AWS Query requests, XML answers without a result wrapper, errors in {@code <Response><Errors>}. */
    EC2,
    /** JSON 1.1: {@code X-Amz-Target} names the operation, JSON both ways, errors carry {@code __type}. */
    JSON
}
