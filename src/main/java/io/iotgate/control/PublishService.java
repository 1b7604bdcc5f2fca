package io.iotgate.control;

import io.iotgate.control.ControlFailure.FailedPrecondition;
import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ControlFailure.PermissionDenied;
import io.iotgate.model.Broker;
import io.iotgate.model.Device;
import io.iotgate.model.Namespace;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceStatus;
import io.iotgate.observe.GatewayActivity;
import io.iotgate.store.BrokerRepository;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.RegistryRepository;
import io.iotgate.tenancy.ClientTopicPolicies;
import io.iotgate.tenancy.FolderLimits;
import io.iotgate.tenancy.Limits;
import io.iotgate.tenancy.NamespacePublisher;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.TopicPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * HTTP publish, as IoT Core's DeviceData, RegistryData and BrokerData services: a message on behalf of a
 * device, a registry or a broker, judged by exactly the topic rules that identity has over MQTT
 * ({@link ClientTopicPolicies}) and put into its namespace the one way every message enters one
 * ({@link NamespacePublisher}: kept on a permanent topic, then routed). The caller needs the role that
 * publishes as that kind of identity on its folder.
 */
@ApplicationScoped
public class PublishService {

    private static final Logger LOG = Logger.getLogger(PublishService.class);

    /** Who a message is published as, and by which rules. */
    private record Sender(String describe, Namespace namespace, Optional<String> deviceId, TopicPolicy policy,
                          Limits limits) {}

    private final Pool pool;
    private final DeviceRepository devices;
    private final RegistryRepository registries;
    private final BrokerRepository brokers;
    private final FolderLimits folderLimits;
    private final ClientTopicPolicies policies;
    private final NamespacePublisher publisher;
    private final GatewayActivity activity;

    PublishService(Pool pool, DeviceRepository devices, RegistryRepository registries, BrokerRepository brokers,
                   FolderLimits folderLimits, ClientTopicPolicies policies, NamespacePublisher publisher,
                   GatewayActivity activity) {
        this.pool = pool;
        this.devices = devices;
        this.registries = registries;
        this.brokers = brokers;
        this.folderLimits = folderLimits;
        this.policies = policies;
        this.publisher = publisher;
        this.activity = activity;
    }

    /** @param data the payload in base64; null or empty for an empty one */
    public Uni<Void> asDevice(Caller caller, String deviceId, String topic, String data) {
        return pool.withConnection(db -> devices.find(db, deviceId)
                        .map(found -> FolderAccess.visible(found, Device::folderId, caller, Permission.PUBLISH_AS_DEVICE,
                                Owners.notFoundMessage(ResourceKind.DEVICE, deviceId)))
                        .call(device -> activeRegistry(db, device.registryId())))
                .map(device -> {
                    Limits limits = folderLimits.of(device.folderId());
                    return new Sender("device " + device.id(), Namespace.registry(device.registryId()),
                            Optional.of(device.id()),
                            policies.device(device.registryId(), device.id(), device.topicAliases(), limits), limits);
                })
                .invoke(sender -> publish(sender, topic, data))
                .replaceWithVoid();
    }

    public Uni<Void> asRegistry(Caller caller, String registryId, String topic, String data) {
        return pool.withConnection(db -> registries.find(db, registryId))
                .map(found -> active(FolderAccess.visible(found, Registry::folderId, caller,
                        Permission.PUBLISH_AS_REGISTRY, Owners.notFoundMessage(ResourceKind.REGISTRY, registryId))))
                .map(registry -> {
                    Limits limits = folderLimits.of(registry.folderId());
                    return new Sender("registry " + registry.id(), Namespace.registry(registry.id()),
                            Optional.empty(), policies.registry(registry.id(), limits), limits);
                })
                .invoke(sender -> publish(sender, topic, data))
                .replaceWithVoid();
    }

    /** As the broker itself, not as one of its credentials: every topic of the broker, as in IoT Core. */
    public Uni<Void> asBroker(Caller caller, String brokerId, String topic, String data) {
        return pool.withConnection(db -> brokers.find(db, brokerId))
                .map(found -> FolderAccess.visible(found, Broker::folderId, caller, Permission.PUBLISH_AS_BROKER,
                        Owners.notFoundMessage(ResourceKind.BROKER, brokerId)))
                .map(broker -> {
                    Limits limits = folderLimits.of(broker.folderId());
                    return new Sender("broker " + broker.id(), Namespace.broker(broker.id()), Optional.empty(),
                            policies.broker(Optional.empty(), limits), limits);
                })
                .invoke(sender -> publish(sender, topic, data))
                .replaceWithVoid();
    }

    /** Judges and delivers; what goes wrong names the request's field, or is the refusal MQTT would give. */
    private void publish(Sender sender, String topic, String data) {
        ResourceFields.required("topic", topic);
        policies.problemWith(topic, sender.limits()).ifPresent(problem -> {
            throw new InvalidArgument("topic: " + problem);
        });
        byte[] payload = PublishPayload.decode(data, sender.limits().payloadBytes());
        PublishDecision decision = sender.policy().authorizePublish(topic);
        if (decision instanceof PublishDecision.Denied denied) {
            LOG.warnf("Refused HTTP publish as %s in %s to '%s': %s", sender.describe(), sender.namespace(), topic,
                    denied.reason());
            activity.publishRefusedOverHttp(sender.namespace());
            throw new PermissionDenied("Permission denied: " + denied.reason());
        }
        publisher.publishWithoutSession(sender.namespace(), (PublishDecision.Allowed) decision, payload);
        activity.publishedOverHttp(sender.namespace(), sender.deviceId(), payload.length);
    }

    /** A device publishes only while its registry is enabled, over HTTP as over MQTT. */
    private Uni<Registry> activeRegistry(SqlClient db, String registryId) {
        return registries.find(db, registryId).map(found -> active(found.orElseThrow(
                () -> new ControlFailure.NotFound(Owners.notFoundMessage(ResourceKind.REGISTRY, registryId)))));
    }

    private static Registry active(Registry registry) {
        if (registry.status() == ResourceStatus.DISABLED) {
            throw new FailedPrecondition("Registry " + registry.id() + " is disabled: enable it to publish");
        }
        return registry;
    }
}
