package io.incidentbridge.sync;

import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.model.MappedIncident;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.inbox.ClaimedIncident;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/** The incident step of the sync: the mapped incident goes to the configured incident table. */
@Component
public class ServiceNowIncidentWriter {
    private final ServiceNowRecordWriter writer;
    private final String table;

    public ServiceNowIncidentWriter(ServiceNowRecordWriter writer, BridgeProperties properties) {
        this.writer = writer;
        this.table = properties.servicenow().incidentTable();
    }

    public SyncOutcome write(MappedIncident mapped, @Variable("claim") ClaimedIncident claim) {
        IncidentSnapshot snapshot = mapped.snapshot();
        SourceState source = new SourceState(RecordLink.Kind.INCIDENT, snapshot.id(), snapshot.reference(), snapshot.id(),
                snapshot.updatedAt(), claim != null && claim.requestedByOperator());
        return writer.write(source, table, mapped.fields());
    }
}
