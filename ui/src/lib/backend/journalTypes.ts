// The decision journal as it crosses the boundary (crates/core/src/journal, crates/store, crates/api).
// Every type with a Rust counterpart is generated from it (./generated/bindings.ts, see types.ts).
import type { JournalBody } from './generated/bindings';

export type {
  Action,
  Alternative,
  Assumption,
  Comparator,
  CriterionChart,
  CriterionStatus,
  Door,
  Evaluation,
  EvidenceLevel,
  Importance,
  JournalBody,
  JournalFormat,
  JournalSummary,
  JournalView,
  KillCriterion,
  Reading,
  ReadingProblem,
  ReadingsImport,
  Revision,
  StoredJournal,
  TamperReport,
  UpdateJournal,
} from './generated/bindings';

export type JournalId = number;

export function emptyJournal(): JournalBody {
  return { item: 'New decision', owner: '', decision: '', assumptions: [], alternatives: [], criteria: [] };
}
