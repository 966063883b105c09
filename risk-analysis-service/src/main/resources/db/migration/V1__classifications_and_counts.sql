-- risk-analysis-service: one classification per report (version 1 on first classification) and the incremental
-- region × category × hour counts that briefings and the situation map read.
create table report_classification (
    report_id         uuid             primary key,
    version           integer          not null,
    unit_id           varchar          not null,
    region_code       varchar(6)       not null,
    occurred_at       timestamptz      not null,
    received_at       timestamptz      not null,
    title             varchar,
    summary           varchar,
    category          varchar(32)      not null,
    confidence        double precision not null,
    scores            varchar          not null,  -- JSON object category → probability
    severity          varchar(3)       not null,
    severity_reasons  varchar          not null,  -- JSON array
    evidence          varchar          not null,  -- JSON array
    needs_review      boolean          not null,
    model_version     varchar          not null,
    taxonomy_version  varchar          not null,
    incident_id       uuid,
    deaths            integer,
    injured           integer,
    classified_at     timestamptz      not null
);
create index report_classification_occurred_at on report_classification (occurred_at);

create table category_count (
    region_code  varchar(6)   not null,
    category     varchar(32)  not null,
    hour_start   timestamptz  not null,
    count        bigint       not null,
    primary key (region_code, category, hour_start)
);
create index category_count_hour_start on category_count (hour_start);
