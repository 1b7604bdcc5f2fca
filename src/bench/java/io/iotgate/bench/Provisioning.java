package io.iotgate.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Creates the benchmark's broker, registry and devices, each with a fresh strong password. */
final class Provisioning {

    static final int DEVICES = 8;

    private final SecureRandom random = new SecureRandom();
    private final GatewayApi api;

    Provisioning(GatewayApi api) {
        this.api = api;
    }

    Fixture provision(int unusedDevices) throws IOException, InterruptedException {
        String folder = api.defaultFolderId();
        String brokerPassword = password();
        Login broker = new Login(api.createBroker(folder, "bench-broker", brokerPassword), brokerPassword);
        String registryPassword = password();
        Login registry = new Login(api.createRegistry(folder, "bench-registry", registryPassword), registryPassword);
        List<Login> devices = devices(registry.username(), "bench-device-", DEVICES);
        List<Login> unused = devices(registry.username(), "bench-first-login-", unusedDevices);
        return new Fixture(broker, registry, devices, unused);
    }

    private List<Login> devices(String registryId, String namePrefix, int count) throws IOException, InterruptedException {
        List<Login> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String password = password();
            devices.add(new Login(api.createDevice(registryId, namePrefix + i, password), password));
        }
        return devices;
    }

    /** Upper and lower case, digits and a symbol: passes the gateway's password policy. */
    private String password() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var password = new StringBuilder("Bench-");
        for (int i = 0; i < 18; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("-7a").toString();
    }
}
