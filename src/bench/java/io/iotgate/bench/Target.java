package io.iotgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Something the scenarios run against: Mosquitto or the gateway's broker model (plain topics shared by
 * the clients of one broker), or the gateway's registry model (devices and their registry on
 * {@code $devices} and {@code $registries} topics).
 */
sealed interface Target {

    String name();

    int port();

    /** The broker's process, whose CPU time a run reports. */
    long pid();

    Topology topology(Shape shape, String runId);

    /** Plain topics; Mosquitto's clients are anonymous, the gateway's log in as clients of one broker. */
    record BrokerModel(String name, int port, long pid, Login login) implements Target {

        @Override
        public Topology topology(Shape shape, String runId) {
            String root = "bench/" + runId;
            int n = Shape.CLIENTS;
            return switch (shape) {
                case FAN_IN -> new Topology(
                        publishers(n, i -> root + "/in/" + i, runId),
                        List.of(new Topology.Subscriber(runId + "-sub-0", login, root + "/in/+", all(n))));
                case PAIRS -> new Topology(
                        publishers(n, i -> root + "/pair/" + i, runId),
                        IntStream.range(0, n).mapToObj(i -> new Topology.Subscriber(runId + "-sub-" + i, login,
                                root + "/pair/" + i, List.of(i))).toList());
                case FAN_OUT -> new Topology(
                        publishers(1, i -> root + "/out", runId),
                        IntStream.range(0, n).mapToObj(i -> new Topology.Subscriber(runId + "-sub-" + i, login,
                                root + "/out", List.of(0))).toList());
            };
        }

        private List<Topology.Publisher> publishers(int count, java.util.function.IntFunction<String> topic, String runId) {
            return IntStream.range(0, count)
                    .mapToObj(i -> new Topology.Publisher(runId + "-pub-" + i, login, topic.apply(i))).toList();
        }
    }

    /**
     * IoT Core's model: devices send events the registry reads with a wildcard (fan-in), the registry sends
     * each device its commands (pairs), and commands to all its devices at once (fan-out).
     */
    record RegistryModel(String name, int port, long pid, Login registry, List<Login> devices) implements Target {

        @Override
        public Topology topology(Shape shape, String runId) {
            int n = Shape.CLIENTS;
            return switch (shape) {
                case FAN_IN -> new Topology(
                        IntStream.range(0, n).mapToObj(i -> new Topology.Publisher(runId + "-device-" + i,
                                devices.get(i), "$devices/" + devices.get(i).username() + "/events")).toList(),
                        List.of(new Topology.Subscriber(runId + "-registry-0", registry, "$devices/+/events", all(n))));
                case PAIRS -> new Topology(
                        IntStream.range(0, n).mapToObj(i -> new Topology.Publisher(runId + "-registry-" + i,
                                registry, "$devices/" + devices.get(i).username() + "/commands")).toList(),
                        IntStream.range(0, n).mapToObj(i -> new Topology.Subscriber(runId + "-device-" + i,
                                devices.get(i), "$devices/" + devices.get(i).username() + "/commands", List.of(i))).toList());
                case FAN_OUT -> {
                    String commands = "$registries/" + registry.username() + "/commands";
                    yield new Topology(
                            List.of(new Topology.Publisher(runId + "-registry-0", registry, commands)),
                            IntStream.range(0, n).mapToObj(i -> new Topology.Subscriber(runId + "-device-" + i,
                                    devices.get(i), commands, List.of(0))).toList());
                }
            };
        }
    }

    private static List<Integer> all(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return List.copyOf(all);
    }
}
