package io.iotgate.isolation;

import io.iotgate.support.Api;

import java.util.Map;

/**
 * The attacker's and the victim's tenants of the isolation suites, each in a folder of its own: folder 1 holds
 * registry A (devices a1, a2, each with an alias {@code aN/} for its own topics) and broker X, folder 2 holds
 * registry B (device b1) and broker Y. Every resource has the same password.
 */
record TwoTenants(String attackerKey, String victimKey, String registryA, String a1, String a2, String brokerX,
                  String registryB, String b1, String brokerY) {

    static TwoTenants create(String password) {
        String folder1 = Api.newFolder();
        String attackerKey = Api.newKey(folder1, "iot.editor");
        String registryA = create(attackerKey, "/iot-devices/v1/registries", Map.of("folderId", folder1, "name", "a", "password", password));
        String a1 = create(attackerKey, "/iot-devices/v1/devices", Map.of("registryId", registryA, "name", "a1", "password", password,
                "topicAliases", Map.of("a1/", "$devices/{id}/")));
        String a2 = create(attackerKey, "/iot-devices/v1/devices", Map.of("registryId", registryA, "name", "a2", "password", password,
                "topicAliases", Map.of("a2/", "$devices/{id}/")));
        String brokerX = create(attackerKey, "/iot-broker/v1/brokers", Map.of("folderId", folder1, "name", "x", "password", password));
        String folder2 = Api.newFolder();
        String victimKey = Api.newKey(folder2, "iot.editor");
        String registryB = create(victimKey, "/iot-devices/v1/registries", Map.of("folderId", folder2, "name", "b", "password", password));
        String b1 = create(victimKey, "/iot-devices/v1/devices", Map.of("registryId", registryB, "name", "b1", "password", password));
        String brokerY = create(victimKey, "/iot-broker/v1/brokers", Map.of("folderId", folder2, "name", "y", "password", password));
        return new TwoTenants(attackerKey, victimKey, registryA, a1, a2, brokerX, registryB, b1, brokerY);
    }

    private static String create(String key, String path, Map<String, Object> body) {
        return Api.as(key).body(body).post(path).then().statusCode(200).extract().path("response.id");
    }
}
