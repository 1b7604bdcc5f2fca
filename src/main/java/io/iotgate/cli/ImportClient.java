package io.iotgate.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends one import request to the running service: the API is the only way resources come in. */
final class ImportClient {

    /** The service's answer: its HTTP status and JSON body. */
    record Answer(int status, String body) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String apiKey;

    ImportClient(String url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    Answer post(String folderId, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/iotgate/v1/folders/" + folderId + ":import"))
                .header("Authorization", "Api-Key " + apiKey)
                .header("Content-Type", "application/json")
                // Hashing one password per created resource takes a while for large registries.
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
