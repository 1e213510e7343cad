// The shapes that cross the boundary with the Rust side (crates/core, src-tauri).

export type UpdateId = number;
export type Status = 'draft' | 'ready';

export interface Beats {
  context: string;
  conflict: string;
  resolution: string;
  evidence: string;
}

export type BeatName = keyof Beats;

export interface MetricEvidence {
  kind: 'metric';
  value: string;
  unit: string;
  baseline: string;
  window: string;
}

export interface QuoteEvidence {
  kind: 'quote';
  text: string;
  who: string;
  when: string;
}

export type Evidence = { kind: 'none' } | MetricEvidence | QuoteEvidence;
export type EvidenceKind = Evidence['kind'];

export type ChartKind = 'line' | 'bar' | 'before-after' | 'funnel' | 'big-number' | 'bubble';

export interface DataRow {
  label: string;
  /** One per series; null is an empty cell. */
  values: (number | null)[];
}

export interface DataTable {
  header: string[];
  rows: DataRow[];
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  alt: string;
  highlight: string | null;
  unit: string | null;
  data: DataTable;
}

export interface ParsedTable {
  table: DataTable;
  suggested_kind: ChartKind;
  /** The unit the cells state (`%` for `4.1%`), for a chart without one. */
  suggested_unit: string | null;
}

/** One sheet of an imported file (a text file has one, named ''). */
export interface ImportedSheet {
  name: string;
  parsed: ParsedTable | null;
  /** Why the sheet is not chart data, naming the row and column. */
  error: string | null;
}

/** Stories stored as updates, and what of the files an update could not keep. */
export interface StoriesImport {
  ids: UpdateId[];
  /** One line per file: "board.md: the section “Risks”". */
  left_out: string[];
}

export interface ImportedFile {
  file_name: string;
  sheets: ImportedSheet[];
}

/** The workspace's look on every slide. */
export interface Branding {
  /** #RRGGBB */
  accent: string;
  footer_label: string;
  /** The logo as a data: URL, or null. */
  logo: string | null;
}

export interface ExportProgress {
  done: number;
  total: number;
}

export type Severity = 'error' | 'warning' | 'info';
/** Where a coach finding points: a beat, the title, the chart, or (null) the whole story. */
export type CoachTarget = 'title' | 'context' | 'conflict' | 'resolution' | 'evidence' | 'chart';

export interface Finding {
  /** A stable rule id, e.g. "vague-word". */
  rule: string;
  severity: Severity;
  beat: CoachTarget | null;
  /** What to do about it. */
  message: string;
  /** [start, end) in Unicode scalar values of that beat's text. */
  span: [number, number] | null;
}

export interface Review {
  score: number;
  /** No errors: the update may be marked ready. */
  ready: boolean;
  findings: Finding[];
  /** Findings of rules the author silenced for this update. */
  silenced: Finding[];
  silenced_rules: string[];
}

export type ThemeName = 'light' | 'dark';
export type ExportFormat = 'pdf' | 'png' | 'md';

export interface UpdateFields {
  title: string;
  audience: string;
  priority: string;
  /** YYYY-MM-DD, or '' */
  date: string;
  beats: Beats;
  evidence: Evidence;
  chart: ChartSpec | null;
}

export interface Update extends UpdateFields {
  id: UpdateId;
  status: Status;
  is_example: boolean;
  created_at: number;
  updated_at: number;
}

export interface UpdateSummary {
  id: UpdateId;
  title: string;
  audience: string;
  date: string;
  status: Status;
  is_example: boolean;
  updated_at: number;
  /** context, conflict, resolution, evidence */
  filled: [boolean, boolean, boolean, boolean];
}

export interface WorkspaceInfo {
  path: string;
  schema_version: number;
  update_count: number;
}

export interface ApiError {
  code: string;
  message: string;
}

export type WorkspaceState =
  | { state: 'open'; info: WorkspaceInfo }
  | { state: 'failed'; path: string; error: ApiError; backup?: string | null };

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
