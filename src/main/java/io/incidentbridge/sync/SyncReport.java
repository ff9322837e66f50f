package io.incidentbridge.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** One log line per sync that says what ServiceNow now holds, with the incident and record named. */
@Component
public class SyncReport {
    private static final Logger LOG = LoggerFactory.getLogger(SyncReport.class);

    public SyncOutcome report(SyncOutcome outcome) {
        RecordLink link = outcome.link();
        try (MDC.MDCCloseable incident = MDC.putCloseable("incident", link.sourceReference());
             MDC.MDCCloseable record = MDC.putCloseable("servicenow", link.number())) {
            switch (outcome.action()) {
                case CREATED -> LOG.info("ServiceNow {} created for {} with {}", link.number(), link.sourceReference(),
                        outcome.writtenFields().keySet());
                case UPDATED -> LOG.info("ServiceNow {} updated for {}: {}", link.number(), link.sourceReference(),
                        outcome.writtenFields());
                case UNCHANGED -> LOG.debug("ServiceNow {} already matches {}", link.number(), link.sourceReference());
                case STALE -> LOG.debug("Ignored an older state of {} than the one ServiceNow {} has", link.sourceReference(),
                        link.number());
            }
        }
        return outcome;
    }
}
