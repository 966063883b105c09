-- Incidents: risk-analysis-service links the reports about one real-world incident with one incidentId.
-- A report that arrived without one (before incidents existed) is an incident of its own: its incident id is its
-- report id.
update classified_report set incident_id = report_id where incident_id is null;
alter table classified_report alter column incident_id set not null;
create index classified_report_incident on classified_report (incident_id);

-- One row per incident, maintained in the same transaction as classified_report: the incident is attributed to the
-- cell (region, category, hour of occurredAt) of its earliest report (ties: the smallest report id) and is
-- recomputed from its remaining reports whenever one joins or leaves it or changes; it is deleted at zero reports.
create table incident (
    incident_id      uuid         primary key,
    first_report_id  uuid         not null,
    region_code      varchar(6)   not null,
    category         varchar(32)  not null,
    occurred_at      timestamptz  not null,
    hour_start       timestamptz  not null,
    report_count     integer      not null check (report_count > 0),
    max_severity     varchar(3)   not null,
    last_occurred_at timestamptz  not null,
    updated_at       timestamptz  not null default now()
);
create index incident_occurred on incident (occurred_at);
create index incident_region_occurred on incident (region_code, occurred_at);

insert into incident (incident_id, first_report_id, region_code, category, occurred_at, hour_start, report_count,
                      max_severity, last_occurred_at)
select distinct on (incident_id)
       incident_id, report_id, region_code, category, occurred_at, date_trunc('hour', occurred_at, 'UTC'),
       count(*) over w,
       (array['I', 'II', 'III', 'IV'])[min(case severity when 'I' then 1 when 'II' then 2 when 'III' then 3 else 4 end) over w],
       max(occurred_at) over w
from classified_report
window w as (partition by incident_id)
order by incident_id, occurred_at, report_id;

-- briefings remember how many incidents they counted (null for briefings generated before incidents existed)
alter table briefing add column incident_count integer;
