package dev.qcl.home;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The identity of this process, for telling live runs from dead ones. */
public final class ThisProcess {
    private ThisProcess() {}

    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Whether a process with this PID runs on this host now. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
