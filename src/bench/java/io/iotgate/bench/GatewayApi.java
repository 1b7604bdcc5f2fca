package io.iotgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The few REST calls provisioning needs, made with the bootstrap administrator key. */
final class GatewayApi {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;

    GatewayApi(int httpPort, String apiKey) {
        this.base = "http://127.0.0.1:" + httpPort;
        this.apiKey = apiKey;
    }

    String defaultFolderId() throws IOException, InterruptedException {
        for (JsonNode folder : get("/iotgate/v1/folders").path("folders")) {
            if ("default".equals(folder.path("name").asText())) {
                return folder.path("id").asText();
            }
        }
        throw new IllegalStateException("the first start created no folder named default");
    }

    String createBroker(String folderId, String name, String password) throws IOException, InterruptedException {
        return createdId(post("/iot-broker/v1/brokers", Map.of("folderId", folderId, "name", name, "password", password)));
    }

    String createRegistry(String folderId, String name, String password) throws IOException, InterruptedException {
        return createdId(post("/iot-devices/v1/registries", Map.of("folderId", folderId, "name", name, "password", password)));
    }

    String createDevice(String registryId, String name, String password) throws IOException, InterruptedException {
        return createdId(post("/iot-devices/v1/devices", Map.of("registryId", registryId, "name", name, "password", password)));
    }

    /**
     * Why the gateway says the connections in a connection log ended ({@code DISCONNECTED} entries, newest
     * first, at most {@code limit}), counted by reason: the evidence when clients were cut off.
     */
    Map<String, Long> disconnectReasons(String logPath, int limit) throws IOException, InterruptedException {
        Map<String, Long> reasons = new TreeMap<>();
        String pageToken = null;
        int read = 0;
        do {
            JsonNode page = get(logPath + "?pageSize=1000" + (pageToken == null ? "" : "&pageToken=" + pageToken));
            for (JsonNode entry : page.path("entries")) {
                read++;
                if ("DISCONNECTED".equals(entry.path("type").asText())) {
                    reasons.merge(entry.path("reason").asText("(none)"), 1L, Long::sum);
                }
            }
            pageToken = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null && read < limit);
        return reasons;
    }

    /** The Prometheus lines of one metric (from {@code /q/metrics}), for the report's evidence. */
    List<String> metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(line -> line.startsWith(name)).toList();
    }

    /** Creates answer with an operation that is already done and holds the new resource. */
    private static String createdId(JsonNode operation) {
        if (!operation.path("done").asBoolean() || operation.path("response").path("id").isMissingNode()) {
            throw new IllegalStateException("unexpected create answer: " + operation);
        }
        return operation.path("response").path("id").asText();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    private JsonNode post(String path, Map<String, String> body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Api-Key " + apiKey);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + new String(response.body()));
        }
        return json.readTree(response.body());
    }
}
