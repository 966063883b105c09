-- briefing-service read model: the latest classification of every report, as carried by report-classifications.
create table classified_report (
    report_id       uuid         primary key,
    version         integer      not null,
    unit_id         text         not null,
    region_code     varchar(6)   not null,
    occurred_at     timestamptz  not null,
    received_at     timestamptz  not null,
    title           text,
    summary         text,
    category        varchar(32)  not null,
    severity        varchar(3)   not null,
    confidence      double precision not null,
    needs_review    boolean      not null,
    incident_id     uuid,
    model_version   text         not null,
    taxonomy_version text        not null,
    classified_at   timestamptz  not null,
    deaths          integer,
    injured         integer,
    updated_at      timestamptz  not null default now()
);
-- edges of a period and the reports behind a cell: by time, optionally narrowed by region
create index classified_report_occurred on classified_report (occurred_at);
create index classified_report_region_occurred on classified_report (region_code, occurred_at);

-- the situation map's aggregate, maintained incrementally with every applied classification:
-- reports per region (as reported) x category x UTC hour of occurredAt
create table situation_count (
    region_code  varchar(6)   not null,
    category     varchar(32)  not null,
    hour_start   timestamptz  not null,
    count        integer      not null check (count >= 0),
    primary key (region_code, category, hour_start)
);
create index situation_count_hour on situation_count (hour_start);

-- generated briefings; content is the JSON document whose SHA-256 is content_hash
create table briefing (
    id            uuid         primary key,
    kind          varchar(16)  not null check (kind in ('DAILY', 'WEEKLY', 'ON_DEMAND')),
    period_from   timestamptz  not null,
    period_to     timestamptz  not null,
    region_code   varchar(6),
    generated_at  timestamptz  not null,
    report_count  integer      not null,
    content_hash  varchar(64)  not null,
    content       text         not null
);
create index briefing_generated on briefing (generated_at desc, id);
-- a scheduled period is generated once; on-demand briefings may repeat a period
create unique index briefing_scheduled_once on briefing (kind, period_from, period_to, coalesce(region_code, ''))
    where kind <> 'ON_DEMAND';
