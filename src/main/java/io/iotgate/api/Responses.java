package io.iotgate.api;

import io.iotgate.control.RegistryService.DeviceAlias;
import io.iotgate.model.ApiKey;
import io.iotgate.model.Broker;
import io.iotgate.model.Certificate;
import io.iotgate.model.Device;
import io.iotgate.model.Folder;
import io.iotgate.model.Operation;
import io.iotgate.model.Password;
import io.iotgate.model.Registry;

import java.util.List;

/** Response bodies of list calls, named as in IoT Core's REST API. */
final class Responses {

    private Responses() {
    }

    record RegistryList(List<Registry> registries, String nextPageToken) {}

    record DeviceList(List<Device> devices, String nextPageToken) {}

    record BrokerList(List<Broker> brokers, String nextPageToken) {}

    record OperationList(List<Operation> operations, String nextPageToken) {}

    record CertificateList(List<Certificate> certificates) {}

    record PasswordList(List<Password> passwords) {}

    record DeviceAliasList(List<DeviceAlias> aliases) {}

    record FolderList(List<Folder> folders, String nextPageToken) {}

    record ApiKeyList(List<ApiKey> apiKeys) {}

    /** The only response that carries a key's secret: {@code key} is what to send as {@code Api-Key <key>}. */
    record CreatedApiKey(ApiKey apiKey, String key) {}
}
