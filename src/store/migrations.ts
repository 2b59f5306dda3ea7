/**
 * Schema migrations, applied in order. Append new ones; never edit one that has shipped.
 * A store whose user_version is newer than the last migration here is refused (store/open.ts).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
CREATE TABLE runs (
  run_id      INTEGER PRIMARY KEY,
  pipeline    TEXT NOT NULL,
  command     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  outcome     TEXT NOT NULL DEFAULT 'running',  -- running | success | incomplete | failed | interrupted
  exit_code   INTEGER,
  options     TEXT NOT NULL DEFAULT '{}',       -- JSON
  counts      TEXT NOT NULL DEFAULT '{}',       -- JSON: stage -> counters
  warnings    TEXT NOT NULL DEFAULT '[]',       -- JSON array of strings
  errors      TEXT NOT NULL DEFAULT '[]'        -- JSON array of strings
);

-- Every esearch that ran (one row per date slice), as PRISMA-S asks.
CREATE TABLE searches (
  search_id         INTEGER PRIMARY KEY,
  run_id            INTEGER NOT NULL REFERENCES runs(run_id),
  database          TEXT NOT NULL DEFAULT 'pubmed',
  base_term         TEXT NOT NULL,   -- the query as written in the query file
  term              TEXT NOT NULL,   -- the term as sent, with its date window
  query_translation TEXT,
  window_from       TEXT,            -- YYYY/MM/DD creation date, null = open
  window_to         TEXT,
  count             INTEGER NOT NULL,
  retrieved         INTEGER NOT NULL,
  warnings          TEXT NOT NULL DEFAULT '[]',
  searched_at       TEXT NOT NULL
);

-- Every PMID any search returned; fetch compares these with the records received.
CREATE TABLE search_hits (
  pmid            TEXT PRIMARY KEY,
  first_search_id INTEGER NOT NULL REFERENCES searches(search_id),
  first_run_id    INTEGER NOT NULL,
  first_seen      TEXT NOT NULL
);

-- Raw responses and imported files, gzip-compressed, API key redacted from the request.
CREATE TABLE raw_responses (
  raw_id      INTEGER PRIMARY KEY,
  run_id      INTEGER,
  kind        TEXT NOT NULL,            -- efetch | import
  request     TEXT NOT NULL,
  pmids       TEXT NOT NULL DEFAULT '[]',
  body        BLOB NOT NULL,
  received_at TEXT NOT NULL,
  parsed_at   TEXT
);
CREATE INDEX raw_responses_unparsed ON raw_responses(parsed_at) WHERE parsed_at IS NULL;

-- PMIDs that efetch did not return even one by one.
CREATE TABLE unavailable (
  pmid        TEXT PRIMARY KEY,
  run_id      INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  reason      TEXT NOT NULL
);

CREATE TABLE records (
  record_id    TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,           -- article | book
  pmid         TEXT,
  doi          TEXT,
  pmcid        TEXT,
  source_db    TEXT NOT NULL,
  article      TEXT NOT NULL,           -- JSON of model/article.ts Article
  content_hash TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0,
  first_seen   TEXT NOT NULL,
  first_run_id INTEGER,
  updated_at   TEXT NOT NULL,
  revision     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX records_pmid ON records(pmid);
CREATE INDEX records_doi ON records(doi);

-- Every source a record was seen in (the same PubMed record from efetch and from an .nbib export).
CREATE TABLE record_sources (
  record_id   TEXT NOT NULL REFERENCES records(record_id),
  database    TEXT NOT NULL,
  file        TEXT NOT NULL DEFAULT '',
  own_id      TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  PRIMARY KEY (record_id, database, file, own_id)
);

-- A stored record that changed when seen again (MEDLINE indexing adds MeSH months later).
CREATE TABLE record_changes (
  change_id     INTEGER PRIMARY KEY,
  record_id     TEXT NOT NULL,
  run_id        INTEGER,
  changed_at    TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  fields        TEXT NOT NULL             -- JSON array of changed top-level field names
);

-- Per-record problems found while parsing or importing.
CREATE TABLE diagnostics (
  diagnostic_id INTEGER PRIMARY KEY,
  run_id        INTEGER,
  severity      TEXT NOT NULL,
  location      TEXT NOT NULL,
  position      TEXT,
  record_id     TEXT,
  message       TEXT NOT NULL,
  recorded_at   TEXT NOT NULL
);

CREATE TABLE dedupe_decisions (
  record_id      TEXT PRIMARY KEY,
  cluster_id     TEXT NOT NULL,
  kept_record_id TEXT NOT NULL,
  role           TEXT NOT NULL,          -- kept | duplicate | version
  rule           TEXT,
  score          REAL,
  notice         TEXT,
  concerns       TEXT,
  retracted      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE possible_duplicates (
  record_id_a  TEXT NOT NULL,
  record_id_b  TEXT NOT NULL,
  score        REAL NOT NULL,
  field_scores TEXT NOT NULL,
  PRIMARY KEY (record_id_a, record_id_b)
);

CREATE TABLE classifications (
  record_id      TEXT PRIMARY KEY,
  result         TEXT NOT NULL,          -- JSON of model/classification.ts Classification
  rules_version  TEXT NOT NULL,
  classified_at  TEXT NOT NULL
);

-- What each report said about each record, to tell what is new, reclassified or newly retracted.
CREATE TABLE report_snapshots (
  run_id     INTEGER NOT NULL,
  record_id  TEXT NOT NULL,
  included   INTEGER NOT NULL,
  design     TEXT,
  conditions TEXT NOT NULL,
  retracted  INTEGER NOT NULL,
  PRIMARY KEY (run_id, record_id)
);
`,
  },
  {
    version: 2,
    name: "why each possible duplicate was left for a human",
    sql: `
-- different-ids | meeting-abstract | shared-doi | similar (model/dedupe.ts); NULL for pairs stored before
-- this column, until dedupe runs again.
ALTER TABLE possible_duplicates ADD COLUMN reason TEXT;
`,
  },
];

/** Migrations in version order, whatever order they were appended in. */
export const ORDERED_MIGRATIONS: readonly Migration[] = [...MIGRATIONS].sort((a, b) => a.version - b.version);

export const SCHEMA_VERSION = ORDERED_MIGRATIONS[ORDERED_MIGRATIONS.length - 1]!.version;
