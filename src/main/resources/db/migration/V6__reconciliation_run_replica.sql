-- Which replica ran each reconciliation run (with several replicas, Quartz picks one per firing).
ALTER TABLE reconciliation_run ADD COLUMN replica VARCHAR(200);
