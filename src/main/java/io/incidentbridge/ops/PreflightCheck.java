package io.incidentbridge.ops;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.mapping.MappingTemplates;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * {@code java -jar incident-bridge.jar --check}: starts the bridge without serving anything (no HTTP port, no route but
 * the outbound calls, no schedules), validates the settings and the mappings, runs the connection check against ServiceNow and proves the
 * incident.io API key, prints what is wrong in the words of the set-up steps, and exits 0 (ready) or 1. For CI/CD
 * pipelines and first installs.
 */
public final class PreflightCheck {
    public static final String FLAG = "--check";

    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();

    PreflightCheck(PrintStream out) {
        this.out = out;
    }

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    /** Runs the check for the application class and returns the exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        return new PreflightCheck(out).check(application, args);
    }

    private int check(Class<?> application, String[] args) {
        out.println("Incident Bridge pre-flight check");
        SpringApplication app = new SpringApplication(application);
        // The context as it runs, but serving nothing: no HTTP port, no routes, no schedules. Given as command-line
        // arguments, which win over application.yaml and the environment (SERVER_PORT); the caller's own come after.
        // The routes are loaded (so a missing one is reported, as at a real start) but not started, but for the
        // outbound calls the checks make through Camel.
        List<String> springArgs = new ArrayList<>(List.of("--server.port=-1", "--camel.main.auto-startup=false",
                "--spring.quartz.auto-startup=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.io.incidentbridge=WARN"));
        Arrays.stream(args).filter(a -> !a.equals(FLAG)).forEach(springArgs::add);
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            startOutboundRoutes(context.getBean(org.apache.camel.CamelContext.class));
            ok("settings are valid");
            mappings(context.getBean(MappingTemplates.class), context.getBean(BridgeProperties.class));
            secrets(context.getBean(BridgeProperties.class));
            serviceNow(context.getBean(ConnectionCheck.class));
            incidentIo(context.getBean(IncidentIoClient.class), context.getBean(BridgeProperties.class));
        } catch (RuntimeException e) {
            startupFailed(e);
        }
        if (problems.isEmpty()) {
            out.println("Check passed: the bridge is ready to start.");
            return 0;
        }
        out.println("Check failed: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " to fix before starting.");
        return 1;
    }

    /** The calls to ServiceNow and incident.io go through these routes; nothing else runs. */
    static final List<String> OUTBOUND_ROUTES = List.of("servicenow-token-request", "servicenow-table-api-call", "incident-io-api-call");

    private static void startOutboundRoutes(org.apache.camel.CamelContext camel) {
        for (String route : OUTBOUND_ROUTES) {
            try {
                camel.getRouteController().startRoute(route);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the route " + route + ": " + e.getMessage(), e);
            }
        }
    }

    private void mappings(MappingTemplates templates, BridgeProperties properties) {
        try {
            templates.validate();
            ok("mappings in " + properties.mapping().directory() + "/ are valid");
        } catch (RuntimeException e) {
            problem("mappings: " + e.getMessage());
        }
    }

    private void secrets(BridgeProperties properties) {
        require(!properties.servicenow().clientId().isBlank(), "set SERVICENOW_CLIENT_ID (System OAuth > Application Registry)");
        require(!properties.servicenow().clientSecret().isEmpty(), "set SERVICENOW_CLIENT_SECRET (the OAuth application's client secret)");
        require(!properties.servicenow().username().isBlank(), "set SERVICENOW_USERNAME (the integration user)");
        require(!properties.servicenow().password().isEmpty(), "set SERVICENOW_PASSWORD (the integration user's password)");
        require(!properties.incidentio().apiKey().isEmpty(), "set INCIDENTIO_API_KEY (incident.io Settings > API keys)");
        require(!properties.webhooks().incidentIoSecret().isEmpty(),
                "set INCIDENTIO_WEBHOOK_SECRET (the whsec_... secret of the webhook endpoint in incident.io Settings > Webhooks)");
        if (properties.webhooks().serviceNowCallbackSecret().isEmpty() && !properties.backSync().polling()) {
            note("SERVICENOW_CALLBACK_SECRET is not set and polling is off: changes made in ServiceNow will not reach incident.io");
        }
        if (properties.access().adminPassword().isEmpty()) {
            note("BRIDGE_ADMIN_PASSWORD is not set: the admin API, Hawtio and the metrics stay closed");
        }
    }

    private void serviceNow(ConnectionCheck check) {
        ConnectionCheck.Report report;
        try {
            report = check.run();
        } catch (RuntimeException e) {
            problem("ServiceNow: cannot check the connection to SERVICENOW_INSTANCE_URL: " + e.getMessage());
            return;
        }
        for (ConnectionCheck.Check step : report.checks()) {
            switch (step.status()) {
                case "ok" -> ok("ServiceNow " + step.name() + ": " + step.message());
                case "unverified" -> note("ServiceNow " + step.name() + ": " + step.message());
                default -> problem("ServiceNow " + step.name() + ": " + step.message());
            }
        }
    }

    private void incidentIo(IncidentIoClient incidentIo, BridgeProperties properties) {
        try {
            incidentIo.severities();
            ok("incident.io: the API key (INCIDENTIO_API_KEY) is accepted at " + properties.incidentio().apiUrl());
        } catch (RuntimeException e) {
            problem("incident.io: INCIDENTIO_API_KEY is refused or " + properties.incidentio().apiUrl()
                    + " cannot be reached (create a key in incident.io Settings > API keys): " + e.getMessage());
            return;
        }
        if (properties.backSync().notesTarget().customField()) {
            String field = properties.backSync().notesField();
            boolean found = false;
            for (var custom : incidentIo.customFields()) {
                found |= field.equals(custom.path("name").asText());
            }
            if (found) {
                ok("incident.io: the custom field \"" + field + "\" for ServiceNow notes exists");
            } else {
                problem("incident.io: create the text custom field \"" + field + "\" (Settings > Custom fields) for ServiceNow"
                        + " notes, or set bridge.back-sync.notes-target to summary");
            }
        }
    }

    /** The context did not start: a setting is invalid (named, with what to set) or something it needs is missing. */
    private void startupFailed(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException invalid) {
                for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
                    String where = error instanceof FieldError field ? " (" + invalid.getValidationErrors().getName() + "." + field.getField() + ")" : "";
                    problem("settings: " + error.getDefaultMessage() + where);
                }
                return;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        problem("the bridge cannot start: " + root.getMessage());
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            problem(problem);
        }
    }

    private void ok(String message) {
        out.println("  ok       " + message);
    }

    private void note(String message) {
        out.println("  note     " + message);
    }

    private void problem(String message) {
        problems.add(message);
        out.println("  PROBLEM  " + message);
    }
}
