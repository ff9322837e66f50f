package io.incidentbridge.bench;

import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.sandbox.EmulatorEnvironment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the bridge's startup goes, by Spring's own startup steps: starts the bridge in this JVM against both
 * emulators with a {@link BufferingApplicationStartup} and prints the steps and beans that took longest by their own
 * time (without the time of the beans they waited for), so Hawtio, Flyway, Quartz or Camel show up by name.
 * Run with {@code ./mvnw -Pbenchmark spring-boot:test-run -Dbridge.run.main-class=io.incidentbridge.bench.StartupSteps}.
 * Camel's own steps (route loading, the YAML DSL) are in the log with {@code -Dcamel.main.startup-recorder=logging}.
 */
public final class StartupSteps {
    private static final int SHOWN = 30;

    private StartupSteps() {
    }

    public static void main(String[] args) throws Exception {
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start(); IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            EmulatorEnvironment.pointBridgeAt(serviceNow, incidentIo, WebhookSender.newSecret());
            System.setProperty("BRIDGE_DB_URL", "jdbc:h2:mem:startup-steps;DB_CLOSE_DELAY=-1");
            System.setProperty("SERVER_PORT", "0");
            BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
            SpringApplication application = new SpringApplication(IncidentBridgeApplication.class);
            application.setApplicationStartup(startup);
            long start = System.nanoTime();
            try (ConfigurableApplicationContext bridge = application.run(args)) {
                double total = (System.nanoTime() - start) / 1e9;
                print(startup.getBufferedTimeline().getEvents(), total);
            }
        }
        System.exit(0);
    }

    private static void print(List<StartupTimeline.TimelineEvent> events, double total) {
        Map<Long, Duration> children = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        Map<String, Duration> own = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Duration self = event.getDuration().minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
            own.merge(label(event.getStartupStep()), self, Duration::plus);
        }
        System.out.printf(Locale.ROOT, "%nSpring context started in %.2f s; the %d steps with the most own time:%n", total, SHOWN);
        own.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(SHOWN)
                .forEach(e -> System.out.printf(Locale.ROOT, "%7.3f s  %s%n", e.getValue().toNanos() / 1e9, e.getKey()));
    }

    /** A bean's instantiation by its bean name, any other step by its name. */
    private static String label(StartupStep step) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                return step.getName() + " " + tag.getValue();
            }
        }
        return step.getName();
    }
}
