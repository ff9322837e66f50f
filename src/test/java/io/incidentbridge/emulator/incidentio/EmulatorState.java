package io.incidentbridge.emulator.incidentio;

import java.time.Clock;

/** Everything one emulated incident.io organisation holds, wired once, and the routes that serve it. */
record EmulatorState(Organisation organisation, ApiKeyPolicy key, Ulids ids, MicrosClock clock, IncidentStore incidents,
                     VisibleIncidents visible, IncidentFactory factory, StatusTransitions transitions,
                     IncidentUpdates updates, Attachments attachments, FollowUps followUps, Catalog catalog,
                     WebhookEvents webhooks) {

    static EmulatorState create(Clock systemClock, String apiKey) {
        MicrosClock clock = new MicrosClock(systemClock);
        Ulids ids = new Ulids(systemClock);
        Organisation organisation = OrganisationSeed.create(ids, clock);
        ApiKeyPolicy key = new ApiKeyPolicy(apiKey);
        IncidentStore incidents = new IncidentStore(clock);
        FollowUps followUps = new FollowUps(ids, clock);
        return new EmulatorState(organisation, key, ids, clock, incidents, new VisibleIncidents(incidents, key),
                new IncidentFactory(organisation, ids, clock), new StatusTransitions(organisation, key),
                new IncidentUpdates(incidents, organisation, ids), new Attachments(), followUps, new Catalog(clock),
                new WebhookEvents(incidents, followUps));
    }

    Router routes() {
        Router router = new Router();
        new OrganisationRoutes(organisation, key).register(router);
        new IncidentRoutes(incidents, visible, organisation, new IncidentEdit(organisation, transitions), updates, key)
                .register(router);
        new IncidentUpdateRoutes(updates, visible).register(router);
        new AttachmentRoutes(attachments, visible, ids).register(router);
        new FollowUpRoutes(followUps, visible, organisation).register(router);
        new CatalogRoutes(catalog, ids, clock).register(router);
        return router;
    }
}
