-- Early warnings: alerts with a lifecycle (RAISED → UPDATED → ACKNOWLEDGED → RESOLVED / EXPIRED) and every version
-- as published on risk-alerts (docs/early-warning.md).
create table risk_alert (
    id               uuid             primary key,
    version          integer          not null,
    status           varchar(16)      not null,  -- RAISED, UPDATED, ACKNOWLEDGED, RESOLVED, EXPIRED
    kind             varchar(16)      not null,  -- SPIKE, SUSTAINED_RISE, SEVERE_REPORT
    region_code      varchar(6)       not null,
    region_level     varchar(8)       not null,
    category         varchar(32)      not null,
    severity         varchar(3)       not null,
    day              date,                       -- office-zone day of the latest signal
    observed         bigint,
    expected         double precision,
    p_value          double precision,
    cusum            double precision,
    headline         varchar          not null,
    description      varchar,
    report_ids       varchar          not null,  -- JSON array of report ids
    raised_at        timestamptz      not null,
    updated_at       timestamptz      not null,
    expires_at       timestamptz      not null,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar,
    acknowledgement_note varchar,
    resolved_at      timestamptz
);
-- at most one open alert per region, category and kind
create unique index risk_alert_one_open on risk_alert (region_code, category, kind)
    where status in ('RAISED', 'UPDATED', 'ACKNOWLEDGED');
create index risk_alert_updated on risk_alert (updated_at desc);

create table risk_alert_history (
    alert_id     uuid          not null references risk_alert (id),
    version      integer       not null,
    status       varchar(16)   not null,
    payload      varchar       not null,  -- the published payload of this version (JSON)
    recorded_at  timestamptz   not null,
    primary key (alert_id, version)
);
