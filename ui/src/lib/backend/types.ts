// The shapes that cross the boundary with the Rust side (crates/core, crates/store, crates/api).
// Those with a Rust counterpart are generated from it into ./generated/bindings.ts (never edit that
// file: change the Rust type, then run `UPDATE_BINDINGS=1 cargo test -p throughline-api --test bindings`;
// `cargo test` fails while it is stale) and re-exported here under the names the UI imports. The
// others are written here until their Rust types (in src-tauri) move to crates/api.
import type { ApiError, Beats, Evidence } from './generated/bindings';

export type {
  ApiError,
  Beats,
  SharedKind,
  SyncOutcome,
  TeamSharing,
  TeamStatus,
  BrandingView as Branding,
  ChartKind,
  ChartSpec,
  ChartView,
  DeckFrameRequest,
  CoachTarget,
  DataRow,
  DataTable,
  ErrorCode,
  Evidence,
  ExportFormat,
  ExportProgress,
  ExportRequest,
  AuditBucket,
  AuditView,
  Bucket,
  Check,
  Pathfinder,
  Stakeholder,
  Strategy,
  Template,
  TemplateId,
  UpdateAudit,
  CriterionWindow,
  EvidenceGate,
  GateDecision,
  RiskKind,
  Finding,
  HistoryEvent,
  Horizon,
  Initiative,
  InitiativeRow,
  PortfolioSettings,
  PortfolioState,
  ImportedFile,
  ImportedSheet,
  ParsedTable,
  ReviewView as Review,
  Severity,
  Status,
  StoriesImport,
  ThemeName,
  Update,
  UpdateFields,
  UpdateHistory,
  UpdateRevision,
  UpdateSummary,
  WorkspaceInfo,
  WorkspaceState,
} from './generated/bindings';

export type UpdateId = number;
export type BeatName = keyof Beats;

/** `Evidence` of one kind, with its `kind`. */
export type MetricEvidence = Extract<Evidence, { kind: 'metric' }>;
export type QuoteEvidence = Extract<Evidence, { kind: 'quote' }>;
export type EvidenceKind = Evidence['kind'];

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

/** Any rejection, as an ApiError the UI can show. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) return value;
  if (value instanceof Error) return { code: 'internal', message: value.message };
  return { code: 'internal', message: String(value) };
}
