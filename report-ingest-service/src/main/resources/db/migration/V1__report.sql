-- Reports as units submitted them, with their latest classification.
create table report (
    id                     uuid         primary key,
    unit_id                text         not null,
    region_code            text         not null check (region_code ~ '^[0-9]{6}$'),
    occurred_at            timestamptz  not null,
    received_at            timestamptz  not null,
    title                  text,
    body                   text         not null,
    external_id            text,
    idempotency_key        text,
    payload_hash           text         not null,   -- SHA-256 of the canonical submission: tells a retry from a conflict
    declared_category      text,
    latitude               double precision,
    longitude              double precision,
    deaths                 integer,
    injured                integer,
    status                 text         not null default 'RECEIVED',
    category               text,
    severity               text,
    confidence             double precision,
    needs_review           boolean,
    model_version          text,
    classification_version integer,
    classified_at          timestamptz,
    incident_id            uuid,
    -- retries are safe: one report per unit and idempotency key, and per unit and the unit's own id
    constraint report_unit_idempotency_key unique (unit_id, idempotency_key),
    constraint report_unit_external_id unique (unit_id, external_id)
);

create index report_received_at on report (received_at desc);
create index report_unit_occurred on report (unit_id, occurred_at);
create index report_region_occurred on report (region_code, occurred_at);
