package io.iotgate.api;

import io.iotgate.control.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of this request, set by {@link AuthenticationFilter} before any resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: the authentication filter did not run");
        }
        return caller;
    }
}
