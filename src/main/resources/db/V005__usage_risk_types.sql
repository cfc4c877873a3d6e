-- The risk types an assessing call found (suicide, self_harm, …), for the dashboard's distribution.
-- Null: the call was not assessed (signpost, models, errors); empty: assessed, no risk found.
ALTER TABLE usage_records ADD COLUMN risk_types text[];

-- The dashboard lists a range's recent high and critical calls, newest first.
CREATE INDEX usage_records_serious ON usage_records (created_at DESC) WHERE overall_severity IN ('high', 'critical');
