package io.iotgate.control;

import io.iotgate.model.LogOptions;
import io.iotgate.model.ResourceStatus;

import java.util.List;
import java.util.Map;

/**
 * Registries (with their devices) and brokers exported from IoT Core, to be created with their original IDs
 * in one folder. Every item carries its {@code path} in the request (e.g. {@code registries[0].devices[1]}),
 * so a refusal can name the field the caller sent.
 *
 * @param style how the caller spelled multi-word fields, so errors name them the same way
 */
public record ImportRequest(List<RegistryItem> registries, List<BrokerItem> brokers, ImportMode mode,
                            FieldStyle style) {

    /** APPLY creates what is missing; DRY_RUN only reports what APPLY would do. */
    public enum ImportMode { APPLY, DRY_RUN }

    /** The export's {@code yc} output is snake_case, IoT Core's REST API camelCase; both are accepted. */
    public enum FieldStyle {
        CAMEL, SNAKE;

        /** A field path such as {@code logOptions.minLevel} as this style writes it; map keys in brackets stay. */
        public String path(String camelPath) {
            if (this == CAMEL) {
                return camelPath;
            }
            StringBuilder out = new StringBuilder();
            boolean inBrackets = false;
            for (char c : camelPath.toCharArray()) {
                inBrackets = c == '[' || (inBrackets && c != ']');
                if (!inBrackets && Character.isUpperCase(c)) {
                    out.append('_').append(Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    /**
     * @param fingerprint as exported (SHA-1 or SHA-256 hex, any case, ':' allowed), or null; checked against
     *                    the certificate's own
     */
    public record CertificateItem(String path, String fingerprint, String certificateData) {}

    /** @param status ACTIVE, or DISABLED when IoT Core had disabled the registry: it comes over disabled */
    public record RegistryItem(String path, String id, String name, String description, Map<String, String> labels,
                               LogOptions logOptions, ResourceStatus status, List<CertificateItem> certificates,
                               String password, List<DeviceItem> devices) {}

    public record DeviceItem(String path, String id, String name, String description, Map<String, String> labels,
                             Map<String, String> topicAliases, List<CertificateItem> certificates, String password) {}

    public record BrokerItem(String path, String id, String name, String description, Map<String, String> labels,
                             LogOptions logOptions, List<CertificateItem> certificates, String password) {}
}
