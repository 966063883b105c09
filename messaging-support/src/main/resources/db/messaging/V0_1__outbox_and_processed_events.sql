-- Tables every SitRep service keeps for its messaging. Applied by each service's Flyway into its own schema.

-- Transactional outbox: written in the same transaction as the state change it announces; the relay publishes
-- each row to Kafka (CloudEvents binary mode) and marks it published.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,     -- becomes ce_id
    topic        text         not null,
    record_key   text         not null,
    ce_type      text         not null,
    ce_subject   text,
    ce_time      timestamptz  not null,
    payload      text         not null,            -- JSON document
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumers: the id of every event applied, recorded in the same transaction as its effect.
create table processed_event (
    consumer     text         not null,
    event_id     text         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
