package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.SubscribeDecision;

import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.PublishDecision.Allowed;
import io.iotgate.tenancy.PublishDecision.Denied;
import io.iotgate.tenancy.SubscribeDecision.Granted;
import io.iotgate.tenancy.SubscribeDecision.Refused;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * One registry R with devices D and D2, and a foreign registry XR with device XD; tables write them as
 * {@code {R}}, {@code {D}}, {@code {D2}}, {@code {XR}}, {@code {XD}}.
 */
final class RegistryFixture {

    static final String R = "areregistry000000001";
    static final String D = "aredevice00000000001";
    static final String D2 = "aredevice00000000002";
    static final String XR = "areforeignregistry01";
    static final String XD = "areforeigndevice0001";

    static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;

    private RegistryFixture() {
    }

    static String expand(String text) {
        return text.replace("{R}", R).replace("{D}", D).replace("{D2}", D2).replace("{XR}", XR).replace("{XD}", XD);
    }

    static RegistryTopicPolicy device() {
        return deviceWithAliases(Map.of());
    }

    static RegistryTopicPolicy deviceWithAliases(Map<String, String> aliases) {
        return new RegistryTopicPolicy(new DeviceClient(R, D, aliases), LIMIT);
    }

    static RegistryTopicPolicy registry() {
        return new RegistryTopicPolicy(new RegistryBackend(R), LIMIT);
    }

    static Allowed allowed(PublishDecision decision) {
        return assertInstanceOf(Allowed.class, decision, () -> "expected Allowed, got " + decision);
    }

    static Denied denied(PublishDecision decision) {
        return assertInstanceOf(Denied.class, decision, () -> "expected Denied, got " + decision);
    }

    static Granted granted(SubscribeDecision decision) {
        return assertInstanceOf(Granted.class, decision, () -> "expected Granted, got " + decision);
    }

    static Refused refused(SubscribeDecision decision) {
        return assertInstanceOf(Refused.class, decision, () -> "expected Refused, got " + decision);
    }

    /** The real filters of a grant, in order. */
    static List<String> realFilters(SubscribeDecision decision) {
        return granted(decision).filters().stream().map(f -> f.realFilter().value()).toList();
    }
}
