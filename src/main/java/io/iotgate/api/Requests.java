package io.iotgate.api;

import io.iotgate.control.RequestedPermissions;
import io.iotgate.model.LogOptions;

import java.util.List;
import java.util.Map;

/** Request bodies, field for field as IoT Core's REST API takes them (camelCase). */
final class Requests {

    private Requests() {
    }

    record CertificateData(String certificateData) {}

    record PasswordValue(String password) {}

    record CreateRegistry(String folderId, String name, String description, Map<String, String> labels,
                          List<CertificateData> certificates, String password, LogOptions logOptions) {}

    record UpdateRegistry(String updateMask, String name, String description, Map<String, String> labels,
                          LogOptions logOptions) {}

    record CreateDevice(String registryId, String name, String description, Map<String, String> labels,
                        List<CertificateData> certificates, Map<String, String> topicAliases, String password) {}

    record UpdateDevice(String updateMask, String name, String description, Map<String, String> labels,
                        Map<String, String> topicAliases) {}

    record CreateBroker(String folderId, String name, String description, Map<String, String> labels,
                        List<CertificateData> certificates, String password, LogOptions logOptions) {}

    record UpdateBroker(String updateMask, String name, String description, Map<String, String> labels,
                        LogOptions logOptions) {}

    /** Topic permissions of a broker credential; {@code null} lists allow nothing in that direction. */
    record Permissions(List<String> publish, List<String> subscribe) {

        static RequestedPermissions of(Permissions permissions) {
            return permissions == null ? null : new RequestedPermissions(permissions.publish(), permissions.subscribe());
        }
    }

    record BrokerCertificateData(String certificateData, Permissions permissions) {}

    record BrokerPasswordValue(String password, Permissions permissions) {}

    record UpdatePermissions(String updateMask, Permissions permissions) {}

    /** IoT Core's publish request: {@code data} is the payload in base64. */
    record PublishData(String topic, String data) {}

    record CreateFolder(String name, String description) {}

    record UpdateFolderLimits(String updateMask, Integer payloadBytes, Integer topicLength, Integer publishRate,
                              Integer publishBurst, Integer subscriptionsPerSession, Integer inflightPerSession) {}

    record CreateApiKey(String role, String description) {}

    static List<String> pems(List<CertificateData> certificates) {
        return certificates == null ? List.of()
                : certificates.stream().map(c -> c == null ? null : c.certificateData()).toList();
    }
}
