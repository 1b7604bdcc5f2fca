package io.iotgate.bench;

import java.util.List;

/**
 * The clients of one scenario on one target: publishers with their topic, subscribers with their filter
 * and the publishers they hear.
 */
record Topology(List<Publisher> publishers, List<Subscriber> subscribers) {

    record Publisher(String clientId, Login login, String topic) {}

    record Subscriber(String clientId, Login login, String filter, List<Integer> hears) {}

    /** How many subscribers get each message of this publisher. */
    int copiesOf(int publisher) {
        return (int) subscribers.stream().filter(s -> s.hears().contains(publisher)).count();
    }
}
