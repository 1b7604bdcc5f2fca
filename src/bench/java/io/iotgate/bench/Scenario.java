package io.iotgate.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One message scenario: a shape, a QoS, and either saturated (as fast as a bounded window allows) or at a
 * fixed total delivery rate (for latency).
 */
record Scenario(Shape shape, int qos, boolean saturated) {

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (boolean saturated : new boolean[] {true, false}) {
            for (Shape shape : Shape.values()) {
                for (int qos = 0; qos <= 1; qos++) {
                    all.add(new Scenario(shape, qos, saturated));
                }
            }
        }
        return all;
    }

    /** E.g. {@code fan-in-qos1-max} or {@code pairs-qos0-rate}: what {@code -Dbench.scenarios} matches. */
    String name() {
        return shape.label() + "-qos" + qos + (saturated ? "-max" : "-rate");
    }
}
