package io.rsaudit.core.model;

/** The HSM a cluster's root key lives in; {@code status} is "active" or "applying". */
public record HsmStatus(
        Value<String> clientCertificateIdentifier, Value<String> configurationIdentifier, Value<String> status) {}
