package org.sitrep.briefing.alerts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for risk-analysis-service's acknowledgement endpoint on a free loopback port: answers like it does for a
 * known alert, a closed one, and a broken connection; remembers what it was sent.
 */
public class RiskAnalysisStub implements QuarkusTestResourceLifecycleManager {

    public static final String OPEN = "0b7d2f4e-1c1a-4a52-9a31-6f1c3e2d4a01";
    public static final String CLOSED = "0b7d2f4e-1c1a-4a52-9a31-6f1c3e2d4a02";
    public static final String BROKEN = "0b7d2f4e-1c1a-4a52-9a31-6f1c3e2d4a03";

    /** What the stub was sent: method, path, content type, body. */
    public record Received(String method, String path, String contentType, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/alerts/", this::handle);
        server.start();
        return Map.of("sitrep.risk-analysis.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "sitrep.risk-analysis.timeout", "PT2S");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (path.contains(BROKEN)) {
            exchange.close(); // no answer at all
            return;
        }
        boolean open = path.contains(OPEN);
        String answer = open
                ? "{\"alertId\":\"" + OPEN + "\",\"status\":\"ACKNOWLEDGED\",\"acknowledgedBy\":\"值班员王磊\"}"
                : "{\"type\":\"about:blank\",\"title\":\"Alert closed\",\"status\":409,\"violations\":[{\"field\":\"id\","
                        + "\"message\":\"the alert is resolved or expired and can no longer be acknowledged\"}]}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", open ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(open ? 200 : 409, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
