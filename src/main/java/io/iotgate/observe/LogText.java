package io.iotgate.observe;

/** The longest texts the connection log keeps (its column sizes); a longer client text is cut, not refused. */
final class LogText {

    static final int CLIENT_ID = 256;
    static final int ADDRESS = 64;
    static final int TOPIC = 1024;
    static final int REASON = 512;

    private LogText() {
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
