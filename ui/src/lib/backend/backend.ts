import type {
  ExportFormat,
  ParsedTable,
  ThemeName,
  Status,
  Update,
  UpdateFields,
  UpdateId,
  UpdateSummary,
  WorkspaceInfo,
  WorkspaceState,
} from './types';

/**
 * Everything the UI asks of the app. The Tauri implementation talks to the
 * Rust commands; the memory one serves unit tests and `npm run dev:ui`.
 * Every method rejects with an ApiError `{code, message}`.
 */
export interface Backend {
  workspaceState(): Promise<WorkspaceState>;
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  listUpdates(filter: string): Promise<UpdateSummary[]>;
  getUpdate(id: UpdateId): Promise<Update>;
  createUpdate(): Promise<Update>;
  saveUpdate(id: UpdateId, fields: UpdateFields): Promise<Update>;
  setStatus(id: UpdateId, status: Status): Promise<Update>;
  deleteUpdate(id: UpdateId): Promise<void>;
  restoreUpdate(id: UpdateId): Promise<void>;
  duplicateUpdate(id: UpdateId): Promise<Update>;
  /** The slide for these fields, as an image URL drawn by the renderer. */
  renderPreview(fields: UpdateFields, theme: ThemeName): Promise<string>;
  /** Reads pasted spreadsheet data; rejects naming the row and column. */
  parseChartData(text: string): Promise<ParsedTable>;
  /** Writes the updates to `path`; resolves with the path written. */
  exportUpdates(
    ids: UpdateId[],
    path: string,
    format: ExportFormat,
    theme: ThemeName,
    scale?: number,
  ): Promise<string>;
  /** The native save dialog for an export; null when cancelled. */
  pickExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  /** The native dialogs; null when the user cancels. */
  pickWorkspaceToOpen(): Promise<string | null>;
  pickWorkspaceToCreate(): Promise<string | null>;
  /** Runs `handler` (awaited) before the window closes. */
  onCloseRequested(handler: () => Promise<void>): void;
  /** Asks the window to close, as its close button does. */
  closeWindow(): Promise<void>;
}
