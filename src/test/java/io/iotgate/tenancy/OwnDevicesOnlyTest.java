package io.iotgate.tenancy;

import io.iotgate.model.Change;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.registry.RegistryBackend;
import io.iotgate.tenancy.registry.RegistryTopicPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A registry's rules limited to its own devices, as the device cache knows them: registry R owns device D,
 * registry XR owns XD, and no device has the ID NONE.
 */
class OwnDevicesOnlyTest {

    private static final String R = "areregistry000000001";
    private static final String D = "arddevice00000000001";
    private static final String XR = "areforeignregistry01";
    private static final String XD = "ardforeigndevice0001";

    private RegistryDevices devices;
    private TopicPolicy policy;

    @BeforeEach
    void twoRegistries() {
        devices = new RegistryDevices(null, null); // filled by events only: no database here
        devices.onChange(new Change.DeviceCreated(R, D));
        devices.onChange(new Change.DeviceCreated(XR, XD));
        policy = new OwnDevicesOnly(new RegistryTopicPolicy(new RegistryBackend(R), TopicName.DEFAULT_MAX_BYTES), R, devices);
    }

    private static String expand(String text) {
        return text.replace("{R}", R).replace("{D}", D).replace("{XR}", XR).replace("{XD}", XD)
                .replace("{NONE}", "ardnodevice000000000");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "$devices/{D}/commands, true",
            "$devices/{D}/config/firmware, true",
            "$registries/{R}/commands, true",
            "$devices/{XD}/commands, false",
            "$devices/{XD}/config, false",
            "$devices/{NONE}/commands, false",
            "$devices/{D}/events, false"})
    void publishesOnlyToItsOwnDevices(String topic, boolean allowed) {
        PublishDecision decision = policy.authorizePublish(expand(topic));
        assertEquals(allowed, decision instanceof PublishDecision.Allowed, () -> topic + ": " + decision);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "$devices/{D}/events, $devices/{D}/events",
            "$devices/+/events, $devices/+/events",
            "$devices/{D}/#, $devices/{D}/events/# $devices/{D}/state/#",
            "$monitoring/{D}/json, $monitoring/{D}/json",
            "$devices/{XD}/events, REFUSED",
            "$devices/{XD}/#, REFUSED",
            "$monitoring/{XD}/json, REFUSED",
            "$devices/{NONE}/state, REFUSED"})
    void readsOnlyItsOwnDevices(String filter, String expected) {
        SubscribeDecision decision = policy.authorizeSubscribe(expand(filter));
        if (expected.equals("REFUSED")) {
            assertInstanceOf(SubscribeDecision.Refused.class, decision, filter);
            return;
        }
        List<String> real = assertInstanceOf(SubscribeDecision.Granted.class, decision, filter).filters().stream()
                .map(part -> part.realFilter().value()).sorted().toList();
        assertEquals(List.of(expand(expected).split(" ")), real);
    }

    @Test
    void aDeletedDeviceAndTheDevicesOfADeletedRegistryAreNoOnesAnyMore() {
        devices.onChange(new Change.ResourceDeleted(new ResourceRef(ResourceKind.DEVICE, D, "b1gfolder")));
        assertInstanceOf(PublishDecision.Denied.class, policy.authorizePublish("$devices/" + D + "/commands"));
        devices.onChange(new Change.ResourceDeleted(new ResourceRef(ResourceKind.REGISTRY, XR, "b1gfolder")));
        assertFalse(devices.belongsTo(XD, XR));
    }
}
