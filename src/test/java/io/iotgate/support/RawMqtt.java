package io.iotgate.support;

import io.iotgate.mqtt.MqttListeners;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT connection written byte by byte, for what real clients will not do: stay silent past their
 * keep-alive, vanish without DISCONNECT, send topic aliases by hand, or send a malformed packet.
 */
public final class RawMqtt implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawMqtt(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static RawMqtt open() {
        try {
            return new RawMqtt(new Socket("127.0.0.1", MqttClients.port(MqttListeners.Kind.TCP)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A will for {@link #connect}. */
    public record Will(String topic, String payload, int qos) {}

    /**
     * Sends CONNECT and returns the CONNACK's return/reason code.
     *
     * @param protocolLevel 4 for MQTT 3.1.1, 5 for MQTT 5
     */
    public int connect(int protocolLevel, String clientId, String username, String password, int keepAliveSeconds,
                       Will will) {
        var body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(protocolLevel);
        int flags = 0x80 | 0x40 | 0x02;
        if (will != null) {
            flags |= 0x04 | (will.qos() << 3);
        }
        body.write(flags);
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xFF);
        if (protocolLevel == 5) {
            body.write(0); // no properties
        }
        string(body, clientId);
        if (will != null) {
            if (protocolLevel == 5) {
                body.write(0); // no will properties
            }
            string(body, will.topic());
            string(body, will.payload());
        }
        string(body, username);
        string(body, password);
        send(0x10, body.toByteArray());
        int[] connack = readPacket();
        if ((connack[0] & 0xF0) != 0x20) {
            throw new AssertionError("expected CONNACK, got packet type " + (connack[0] >> 4));
        }
        return connack[2];
    }

    /** An MQTT 5 QoS 0 PUBLISH with a Topic Alias property (the topic may be empty to use the alias). */
    public void publishWithAlias(String topic, int alias, String payload) {
        var body = new ByteArrayOutputStream();
        string(body, topic);
        body.write(3); // properties length
        body.write(0x23); // Topic Alias
        body.write(alias >> 8);
        body.write(alias & 0xFF);
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        send(0x30, body.toByteArray());
    }

    /**
     * Sends an MQTT 5 SUBSCRIBE of one filter at QoS 1 (bytes as given: a real client would refuse to send an
     * invalid filter) and returns the SUBACK's reason code.
     */
    public int subscribe5(int packetId, String filter) {
        var body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        body.write(0); // no properties
        string(body, filter);
        body.write(1); // QoS 1
        send(0x82, body.toByteArray());
        int[] suback = readPacket();
        if ((suback[0] & 0xF0) != 0x90) {
            throw new AssertionError("expected SUBACK, got packet type " + (suback[0] >> 4));
        }
        return suback[4]; // after the packet ID and an empty property length
    }

    /** Bytes that are no valid packet. */
    public void sendRaw(byte... bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the server to close the connection, reading (and ignoring) what it sends before.
     *
     * @return the first byte of the last packet received before the close (e.g. 0xE0 for DISCONNECT), or -1
     * @throws AssertionError when the connection is still open after {@code timeoutMillis}
     */
    public int awaitClose(int timeoutMillis) {
        int lastPacketType = -1;
        try {
            socket.setSoTimeout(timeoutMillis);
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return lastPacketType;
                }
                lastPacketType = first;
                int length = remainingLength();
                in.readNBytes(length);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + timeoutMillis + " ms");
        } catch (IOException e) {
            return lastPacketType; // reset by the server: closed too
        }
    }

    private int[] readPacket() {
        try {
            socket.setSoTimeout(10_000);
            int first = in.read();
            int length = remainingLength();
            byte[] rest = in.readNBytes(length);
            int[] packet = new int[Math.max(3, rest.length + 1)];
            packet[0] = first;
            for (int i = 0; i < rest.length; i++) {
                packet[i + 1] = rest[i] & 0xFF;
            }
            return packet;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int remainingLength() throws IOException {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new IOException("closed inside a packet");
            }
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }

    private void send(int header, byte[] body) {
        var packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length & 0x7F;
            length >>= 7;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body);
        sendRaw(packet.toByteArray());
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
