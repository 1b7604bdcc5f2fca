package io.iotgate.session;

/** The live connection that holds a session; told to leave when a newer connection takes it over. */
public interface SessionHolder {

    /** Called on any thread; the holder closes itself on its own context. */
    void takenOver();
}
