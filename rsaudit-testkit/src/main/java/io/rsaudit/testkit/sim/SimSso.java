package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IAM Identity Center's portal API, the one call an SSO profile makes: GetRoleCredentials ({@code GET
 * /federation/credentials?role_name=&account_id=}, the access token in {@code x-amz-sso_bearer_token}, no SigV4).
 * It answers credentials whose key id names the account ({@code SIM<account>}), as the simulator's other services
 * expect.
 */
final class SimSso {

    static final String PATH = "/federation/credentials";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimSso() {}

    static boolean serves(HttpExchange exchange) {
        return exchange.getRequestURI().getPath().equals(PATH);
    }

    static void handle(HttpExchange exchange, SimOptions options, Consumer<SimRequest> log) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = AwsSimulator.formParams(raw == null ? "" : raw);
        String account = query.getOrDefault("account_id", "");
        String role = query.get("role_name");
        String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        ObjectNode body = JSON.createObjectNode();
        int status;
        String error = null;
        if (token == null
                || token.isEmpty()
                || options.ssoAccessToken() != null && !options.ssoAccessToken().equals(token)) {
            status = 401;
            error = "UnauthorizedException";
            body.put("message", "Session token not found or invalid");
        } else if (!account.matches("\\d{12}") || role == null || role.isEmpty()) {
            status = 400;
            error = "InvalidRequestException";
            body.put("message", "role_name and a 12-digit account_id are required");
        } else {
            status = 200;
            ObjectNode c = body.putObject("roleCredentials");
            c.put("accessKeyId", "SIM" + account);
            c.put("secretAccessKey", "simulated-sso-secret-" + account);
            c.put("sessionToken", "simulated-sso-session");
            c.put("expiration", Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        }
        log.accept(new SimRequest("sso", "GetRoleCredentials", account, "", error == null ? SimRequest.OK : error));
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (error != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", error);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
