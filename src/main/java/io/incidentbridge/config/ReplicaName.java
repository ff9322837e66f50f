package io.incidentbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * Which replica this is, as operators see it in reconciliation runs and logs: the host name (a pod's name on
 * Kubernetes) and the process id, so two replicas on one machine are told apart too.
 */
@Component
public class ReplicaName {
    private final String name;

    public ReplicaName() {
        this(System.getenv("HOSTNAME"), ProcessHandle.current().pid());
    }

    ReplicaName(String hostNameFromEnvironment, long pid) {
        String host = hostNameFromEnvironment == null || hostNameFromEnvironment.isBlank() ? localHostName() : hostNameFromEnvironment;
        this.name = host + "/" + pid;
    }

    public String value() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
