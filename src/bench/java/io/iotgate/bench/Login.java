package io.iotgate.bench;

/** A username (device, registry or broker ID) and password; {@link #ANONYMOUS} for Mosquitto. */
record Login(String username, String password) {

    static final Login ANONYMOUS = new Login(null, null);

    boolean anonymous() {
        return username == null;
    }
}
