package org.digestkg.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * The address a server listens on: a host name or address, resolved once, and what it means for who can reach it.
 *
 * @param host    as given, e.g. {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1}, {@code localhost}
 * @param address what it resolved to
 */
record ListenAddress(String host, InetAddress address) {

    /**
     * @throws IllegalArgumentException when the host is unknown, or is not an address of this machine (binding to it
     *                                  would fail, and the operating system's "cannot assign" reads like "in use")
     */
    static ListenAddress of(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host to listen on: " + host);
        }
        ListenAddress a = new ListenAddress(host, address);
        if (!a.isOnThisMachine()) {
            throw new IllegalArgumentException("cannot listen on " + host
                    + ": it is not an address of this machine (listen on 127.0.0.1, on 0.0.0.0 for every interface,"
                    + " or on one of this machine's addresses)");
        }
        return a;
    }

    /** True when only this machine can connect: 127.0.0.0/8 or ::1. */
    boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    /** True when this machine has the address (or it stands for all of them, {@code 0.0.0.0} and {@code ::}). */
    boolean isOnThisMachine() {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;   // cannot tell: let the bind decide
        }
    }

    /** The host as it goes into a URL: a wildcard address as loopback, an IPv6 address in brackets. */
    String urlHost() {
        String h = address.isAnyLocalAddress() ? "127.0.0.1" : host;   // listening everywhere: reachable on loopback
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }
}
