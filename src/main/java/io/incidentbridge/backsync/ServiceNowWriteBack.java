package io.incidentbridge.backsync;

import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.sync.RecordLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes back to ServiceNow the values of the fields incident.io keeps (bridge.ownership), in one write. */
@Component
public class ServiceNowWriteBack {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowWriteBack.class);

    private final ServiceNowTableClient serviceNow;

    public ServiceNowWriteBack(ServiceNowTableClient serviceNow) {
        this.serviceNow = serviceNow;
    }

    public ServiceNowChangePlan write(ServiceNowChangePlan plan) {
        if (!plan.toServiceNow().isEmpty()) {
            RecordLink link = plan.sides().link();
            serviceNow.update(link.table(), link.sysId(), plan.toServiceNow());
            LOG.info("ServiceNow {} keeps incident.io's values of {} (bridge.ownership): {}", link.number(),
                    link.sourceReference(), plan.toServiceNow());
        }
        return plan;
    }
}
