package io.rsaudit.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Credentials for a command that finds them through the SDK's default chain, which reads these system properties
 * first; the simulator takes the caller's account from the key id ({@code SIM<account>}).
 */
final class SimCaller implements BeforeEachCallback, AfterEachCallback {

    private final String account;

    SimCaller(String account) {
        this.account = account;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty("aws.accessKeyId", "SIM" + account);
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
