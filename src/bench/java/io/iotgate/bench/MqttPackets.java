package io.iotgate.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few MQTT 3.1.1 packets the connection scenarios write by hand: thousands of idle clients cost a
 * socket each this way, not a client library's threads and buffers.
 */
final class MqttPackets {

    static final byte[] PINGREQ = {(byte) 0xC0, 0};
    static final byte[] DISCONNECT = {(byte) 0xE0, 0};
    private static final int KEEP_ALIVE_SECONDS = 60;

    private MqttPackets() {
    }

    /** CONNECT with clean session, keep-alive 60 s, username and password [MQTT-3.1]. */
    static byte[] connect(String clientId, Login login) {
        var variable = new ByteArrayOutputStream();
        writeString(variable, "MQTT");
        variable.write(4); // protocol level 3.1.1
        variable.write(0x80 | 0x40 | 0x02); // username, password, clean session
        variable.write(KEEP_ALIVE_SECONDS >> 8);
        variable.write(KEEP_ALIVE_SECONDS & 0xFF);
        writeString(variable, clientId);
        writeString(variable, login.username());
        writeString(variable, login.password());
        byte[] body = variable.toByteArray();
        var packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int length = body.length;
        do { // remaining length, 7 bits per byte [MQTT-2.2.3]
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    /** Reads the CONNACK and returns its return code (0: accepted). */
    static int readConnack(InputStream in) throws IOException {
        byte[] connack = new byte[4];
        new DataInputStream(in).readFully(connack);
        if (connack[0] != 0x20 || connack[1] != 2) {
            throw new IOException("expected CONNACK, got packet type " + (connack[0] & 0xFF));
        }
        return connack[3];
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
