-- early warnings from topic risk-alerts: the latest version of every alert (a record applies only when its version
-- is higher than the stored one). report_ids holds the alert's report ids as a JSON array of strings.
create table alert (
    alert_id        uuid         primary key,
    version         integer      not null check (version >= 1),
    status          varchar(16)  not null,
    kind            varchar(32)  not null,
    region_code     varchar(6)   not null,
    region_name     text,
    region_level    varchar(16)  not null,
    category        varchar(32)  not null,
    severity        varchar(3)   not null,
    headline        text         not null,
    description     text,
    report_ids      text         not null,
    day             date,
    observed        integer,
    expected        double precision,
    p_value         double precision,
    cusum           double precision,
    raised_at       timestamptz  not null,
    updated_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    resolved_at     timestamptz,
    stored_at       timestamptz  not null default now()
);
-- the active list: by status, newest first
create index alert_status_raised on alert (status, raised_at desc);
create index alert_region on alert (region_code);
