package io.rsaudit.core.check.atrest;

import io.rsaudit.core.model.HsmStatus;

/** Names the HSM configuration and client certificate of an HSM-backed cluster, for messages. */
final class HsmNames {

    private HsmNames() {}

    static String of(HsmStatus hsm) {
        String text = "HSM configuration "
                + (hsm.configurationIdentifier().isPresent()
                        ? hsm.configurationIdentifier().value()
                        : "(not reported)");
        return hsm.clientCertificateIdentifier().isPresent()
                ? text + ", client certificate "
                        + hsm.clientCertificateIdentifier().value()
                : text;
    }
}
