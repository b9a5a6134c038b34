// The vigil.sqlite database schema. Child tables are WITHOUT ROWID,
// clustered on (doc, seq): a document's rows sit together, are appended in
// order (documents get increasing keys), and need no separate index by doc.
// README.md documents every table; change
// both together, and bump kSchemaVersion whenever a table, column or index
// changes, so that an older database is refused with a clear message instead
// of being written in the wrong shape.
#pragma once

#include <cstdint>

namespace vigil::sqlite {

inline constexpr std::int64_t kSchemaVersion = 1;
// PRAGMA application_id: "VIGL", so `file` and tools can tell our databases.
inline constexpr std::int64_t kApplicationId = 0x5649474C;

inline constexpr const char* kSchemaSql = R"SQL(
CREATE TABLE vigil_schema (
  version     INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  writer      TEXT NOT NULL
);
CREATE TABLE runs (
  run                 INTEGER PRIMARY KEY,
  label               TEXT,
  vigil_version       TEXT NOT NULL,
  writer_version      TEXT NOT NULL,
  sink                TEXT NOT NULL,
  config_hash         TEXT NOT NULL,
  params              TEXT NOT NULL,
  started_at          TEXT NOT NULL,
  finished_at         TEXT,
  status              TEXT NOT NULL,
  documents_written   INTEGER NOT NULL DEFAULT 0,
  documents_replaced  INTEGER NOT NULL DEFAULT 0,
  documents_skipped   INTEGER NOT NULL DEFAULT 0,
  entities            INTEGER NOT NULL DEFAULT 0,
  topics              INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents (
  doc                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  language            TEXT,
  confidence          REAL,
  reliable            INTEGER,
  language_source     TEXT,
  chars               INTEGER NOT NULL,
  bytes               INTEGER NOT NULL,
  tokens              INTEGER NOT NULL,
  sentences           INTEGER NOT NULL,
  meta                TEXT NOT NULL,
  text                TEXT,
  attributes          TEXT NOT NULL,
  diagnostics         TEXT NOT NULL,
  run                 INTEGER NOT NULL REFERENCES runs(run)
);
CREATE TABLE entities (
  doc         INTEGER NOT NULL REFERENCES documents(doc),
  seq         INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  label       TEXT NOT NULL,
  text        TEXT NOT NULL,
  canonical   TEXT,
  entity_id   TEXT,
  score       REAL NOT NULL,
  component   TEXT,
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE TABLE topics (
  doc         INTEGER NOT NULL REFERENCES documents(doc),
  seq         INTEGER NOT NULL,
  label       TEXT NOT NULL,
  score       REAL NOT NULL,
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE TABLE evidence (
  doc         INTEGER NOT NULL REFERENCES documents(doc),
  seq         INTEGER NOT NULL,
  topic       TEXT NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  term        TEXT NOT NULL,
  weight      REAL NOT NULL,
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX documents_by_language ON documents(language);
CREATE INDEX topics_by_label ON topics(label, doc);
CREATE INDEX entities_by_id ON entities(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX entities_by_name ON entities(label, canonical);
CREATE VIEW document_topics AS
  SELECT d.id AS document, d.language, t.label AS topic, t.score
  FROM topics t JOIN documents d ON d.doc = t.doc;
CREATE VIEW entity_mentions AS
  SELECT d.id AS document, d.language, e.start, e.end, e.label, e.text, e.canonical,
         COALESCE(e.canonical, e.text) AS name, e.entity_id, e.score
  FROM entities e JOIN documents d ON d.doc = e.doc;
CREATE VIEW topic_entities AS
  SELECT t.label AS topic, e.label, COALESCE(e.canonical, e.text) AS name, e.entity_id,
         COUNT(DISTINCT e.doc) AS documents, COUNT(*) AS mentions
  FROM topics t JOIN entities e ON e.doc = t.doc
  GROUP BY t.label, e.label, name, e.entity_id;
)SQL";

}  // namespace vigil::sqlite
