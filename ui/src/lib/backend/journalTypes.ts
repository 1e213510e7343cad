// The decision journal as it crosses the boundary (crates/core/src/journal, src-tauri/src/journals.rs).

export type JournalId = number;
export type Importance = 'high' | 'medium' | 'low';
export type EvidenceLevel = 'anecdote' | 'survey' | 'cohort-data' | 'pilot';
export type Door = 'one-way' | 'two-way';
export type Comparator = '<' | '<=' | '>' | '>=';
export type Action = { kind: 'halt' } | { kind: 'pivot-to'; to: string } | { kind: 'escalate-to'; to: string };
export type CriterionStatus = 'on-track' | 'at-risk' | 'triggered' | 'no-data';

export interface Assumption {
  statement: string;
  importance: Importance;
  evidence: EvidenceLevel;
  source: string;
}

export interface Alternative {
  path: string;
  irreversibles: string;
  door: Door;
}

export interface KillCriterion {
  id: string;
  metric: string;
  comparator: Comparator;
  threshold: number;
  unit: string;
  cohort: string;
  /** YYYY-MM-DD */
  by: string;
  action: Action;
  margin: number;
}

export interface JournalBody {
  item: string;
  owner: string;
  decision: string;
  assumptions: Assumption[];
  alternatives: Alternative[];
  criteria: KillCriterion[];
}

export interface Revision {
  seq: number;
  body: JournalBody;
  author: string;
  at_ms: number;
  reason: string;
  prev_hash: string;
  hash: string;
}

export interface Reading {
  metric: string;
  date: string;
  value: number;
}

export interface Evaluation {
  status: CriterionStatus;
  reading: number | null;
  date: string | null;
  reason: string;
}

export interface JournalView {
  journal: {
    id: JournalId;
    shared: boolean;
    body: JournalBody;
    revisions: Revision[];
    tamper: { seq: number; detail: string } | null;
  };
  readings: Reading[];
  evaluations: Evaluation[];
}

export interface JournalSummary {
  id: JournalId;
  item: string;
  shared: boolean;
}

export interface ReadingsImport {
  imported: number;
  valid: number;
  problems: { row: number; message: string }[];
  view: JournalView;
}

export interface UpdateJournal {
  journal: JournalId | null;
  triggered: string[];
}

export function emptyJournal(): JournalBody {
  return { item: 'New decision', owner: '', decision: '', assumptions: [], alternatives: [], criteria: [] };
}
