package io.incidentbridge.mapping;

import java.util.Map;
import java.util.Optional;

/** A fixed directory of ServiceNow references, for template tests that need no ServiceNow. */
public record DirectoryLookups(Map<String, String> users, Map<String, String> groups, Map<String, String> items)
        implements ReferenceLookups {

    public static DirectoryLookups sample() {
        return new DirectoryLookups(
                Map.of("abel.tuter@example.com", "62826bf03710200044e0bfc8bcbe5df1",
                        "beth.anglin@example.com", "46d44a23a9fe19810012d100cca80666"),
                Map.of("Service Desk", "d625dccec0a8016700a222a0f7900d06", "Network", "287ebd7da9fe198100f92cc8d1d2154e"),
                Map.of("Payments API", "3a27f1520a0a0bb400ecd6ff7afcf2b5", "Email", "27d32778c0a8000b00db970eeaa60f16"));
    }

    @Override
    public Optional<String> user(String email) {
        return Optional.ofNullable(users.get(email));
    }

    @Override
    public Optional<String> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    @Override
    public Optional<String> configurationItem(String name) {
        return Optional.ofNullable(items.get(name));
    }

    @Override
    public Optional<String> userEmail(String sysId) {
        return keyOf(users, sysId);
    }

    @Override
    public Optional<String> groupName(String sysId) {
        return keyOf(groups, sysId);
    }

    private static Optional<String> keyOf(Map<String, String> directory, String sysId) {
        return directory.entrySet().stream().filter(e -> e.getValue().equals(sysId)).map(Map.Entry::getKey).findFirst();
    }
}
