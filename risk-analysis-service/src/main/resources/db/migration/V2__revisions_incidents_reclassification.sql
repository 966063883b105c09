-- Issue: correctable, explainable, re-classifiable judgements, and incidents not double-counted.

-- the full report text (re-classification of stored history) and its hashed shingles (incident linking)
alter table report_classification add column body text;
alter table report_classification add column fingerprint bytea;
alter table report_classification add column reviewed_at timestamptz;  -- set when an analyst decided
create index report_classification_incident on report_classification (incident_id);
create index report_classification_pending_review on report_classification (classified_at desc)
    where needs_review and reviewed_at is null;
-- candidates for incident linking: same city (first four digits of the code), close in time
create index report_classification_city_time on report_classification (substr(region_code, 1, 4), occurred_at);

-- every change after the first classification, with who asked for it and why
create table classification_change (
    id                   bigserial    primary key,
    report_id            uuid         not null references report_classification (report_id),
    version              integer      not null,
    kind                 varchar(32)  not null,   -- REVIEW, RECLASSIFICATION, INCIDENT_SPLIT, INCIDENT_MERGE
    reason               varchar,
    actor                varchar,
    previous_category    varchar(32),
    previous_severity    varchar(3),
    previous_incident_id uuid,
    category             varchar(32)  not null,
    severity             varchar(3)   not null,
    incident_id          uuid,
    changed_at           timestamptz  not null default now(),
    unique (report_id, version)
);

-- re-classification runs over stored history
create table reclassification_job (
    id             uuid         primary key,
    status         varchar(16)  not null,     -- RUNNING, COMPLETED, FAILED
    period_from    timestamptz,
    period_to      timestamptz,
    model_version  varchar      not null,
    total          integer      not null default 0,
    processed      integer      not null default 0,
    changed        integer      not null default 0,
    error          varchar,
    created_at     timestamptz  not null,
    finished_at    timestamptz
);
