-- the reports of one unit in a period (timeliness rows of a briefing link to them)
create index classified_report_unit_occurred on classified_report (unit_id, occurred_at);
