package io.iotgate.control;

import io.iotgate.model.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Tells the data plane what changed, after the change has committed: the control plane never calls into
 * the gateway, it only fires {@link Change} events that the gateway observes.
 */
@ApplicationScoped
class ChangeEvents {

    private final Event<Change> events;

    ChangeEvents(Event<Change> events) {
        this.events = events;
    }

    void fire(Committed committed) {
        committed.changes().forEach(events::fire);
    }
}
