import type {
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
  /** The native dialogs; null when the user cancels. */
  pickWorkspaceToOpen(): Promise<string | null>;
  pickWorkspaceToCreate(): Promise<string | null>;
  /** Runs `handler` (awaited) before the window closes. */
  onCloseRequested(handler: () => Promise<void>): void;
  /** Asks the window to close, as its close button does. */
  closeWindow(): Promise<void>;
}
