import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow } from '@tauri-apps/api/window';
import type { Backend } from './backend';
import { toApiError, type ExportFormat, type ExportProgress, type SyncOutcome } from './types';

/** What a file is chosen for; the backend opens the dialog and lets only that path through. */
type FilePurpose =
  | 'stories'
  | 'chart-data'
  | 'readings'
  | 'logo'
  | 'open-workspace'
  | 'new-workspace'
  | 'export-pdf'
  | 'export-png'
  | 'export-md'
  | 'export-pptx'
  | 'pptx-template';

/** The native dialog for `purpose`, opened by the backend; [] when cancelled. */
function choose(purpose: FilePurpose, suggestedName?: string): Promise<string[]> {
  return call('choose_files', { purpose, suggestedName: suggestedName ?? null });
}

async function chooseOne(purpose: FilePurpose, suggestedName?: string): Promise<string | null> {
  return (await choose(purpose, suggestedName))[0] ?? null;
}

/**
 * The name an export's save dialog suggests, extension included: the app
 * writes the path the dialog returns as it is, so the file the dialog warns
 * about is the file written. A slash in a title would make the name a path.
 */
export function exportFileName(name: string, format: ExportFormat): string {
  const base = name.replace(/[\\/]+/g, '-').trim();
  return `${base || 'export'}.${format}`;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toApiError(err);
  }
}

export function tauriBackend(): Backend {
  return {
    workspaceState: () => call('workspace_state'),
    openWorkspace: (path) => call('open_workspace', { path }),
    restoreBackup: () => call('restore_backup'),
    listUpdates: (filter) => call('list_updates', { filter }),
    getUpdate: (id) => call('get_update', { id }),
    createUpdate: () => call('create_update'),
    saveUpdate: (id, fields) => call('save_update', { id, fields }),
    setStatus: (id, status) => call('set_status', { id, status }),
    deleteUpdate: (id) => call('delete_update', { id }),
    restoreUpdate: (id) => call('restore_update', { id }),
    deletePermanently: (id) => call('delete_permanently', { id }),
    duplicateUpdate: (id) => call('duplicate_update', { id }),
    backUpNow: () => call('back_up_now'),
    today: () => call('today'),
    renderPreview: (fields, theme, id) => call('render_preview', { fields, theme, id: id ?? null }),
    parseChartData: (text) => call('parse_chart_data', { text }),
    pickStoryFiles: () => choose('stories'),
    importStories: (paths) => call('import_stories', { paths }),
    importChartFile: (path) => call('import_chart_file', { path }),
    pickChartFile: () => chooseOne('chart-data'),
    exportUpdates(ids, path, format, theme, scale, onProgress, frame) {
      const onProgressChannel = new Channel<ExportProgress>();
      onProgressChannel.onmessage = (progress) => onProgress?.(progress);
      return call('export_updates', {
        request: { ids, path, format, theme, scale: scale ?? null, ...(frame ? { frame } : {}) },
        onProgress: onProgressChannel,
      });
    },
    copySlideImage: (fields, theme, id) => call('copy_slide_image', { fields, theme, id: id ?? null }),
    reviewUpdate: (id, fields) => call('review_update', { id, fields }),
    setSilencedRules: (id, rules) => call('set_silenced_rules', { id, rules }),
    listJournals: () => call('list_journals'),
    getJournal: (id) => call('get_journal', { id }),
    createJournal: (body) => call('create_journal', { body }),
    saveJournal: (id, body) => call('save_journal', { id, body }),
    shareJournal: (id) => call('share_journal', { id }),
    reviseJournal: (id, body, reason) => call('revise_journal', { id, body, reason }),
    discardJournalChange: (id) => call('discard_journal_change', { id }),
    criterionChart: (journal, index) => call('criterion_chart', { journal, index }),
    pickReadingsFile: () => chooseOne('readings'),
    importReadings: (id, path, acceptValid) => call('import_readings', { id, path, acceptValid }),
    addReading: (id, metric, date, value) => call('add_reading', { id, metric, date, value }),
    teamStatus: () => call('team_status'),
    teamJoin: (request) =>
      call('team_join', {
        server: request.server,
        team: request.team,
        teamName: request.teamName,
        displayName: request.displayName,
        allowPlain: request.allowPlain,
      }),
    teamLeave: () => call('team_leave'),
    teamShare: (kind, id, shared) => call('team_share', { kind, id, shared }),
    teamSetSharing: (sharing) => call('team_set_sharing', { sharing }),
    teamInvitation: () => call('team_invitation'),
    teamSyncNow: () => call('team_sync_now'),
    getPortfolio: () => call('get_portfolio'),
    importInitiativesFile: (path) => call('import_initiatives_file', { path }),
    addInitiative: (initiative) => call('add_initiative', { initiative }),
    saveInitiative: (id, initiative) => call('save_initiative', { id, initiative }),
    deleteInitiative: (id) => call('delete_initiative', { id }),
    importInitiatives: (text) => call('import_initiatives', { text }),
    savePortfolioSettings: (settings) => call('save_portfolio_settings', { settings }),
    portfolioView: (view) => call('portfolio_view', { view }),
    gatesView: (initiative) => call('gates_view', { initiative }),
    portfolioChart: (view) => call('portfolio_chart', { view }),
    getAudit: (id) => call('get_audit', { id }),
    exportMemo: (id, path, format) => call('export_memo', { id, path, format }),
    saveAudit: (id, audit) => call('save_audit', { id, audit }),
    saveStrategy: (id, strategy) => call('save_strategy', { id, strategy }),
    followPlaybook: (id, bucket) => call('follow_playbook', { id, bucket }),
    startPathfinder: (experiment) => call('start_pathfinder', { experiment }),
    templates: () => call('templates'),
    createFromTemplate: (template) => call('create_from_template', { template }),
    addInitiativeReading: (id, metric, date, value) => call('add_initiative_reading', { id, metric, date, value }),
    refreshPortfolioChart: (chart) => call('refresh_portfolio_chart', { chart }),
    updateHistory: (id) => call('update_history', { id }),
    updateRevisionDiff: (id, revision) => call('update_revision_diff', { id, revision }),
    restoreUpdateRevision: (id, revision) => call('restore_update_revision', { id, revision }),
    changeReading: (id, metric, date, value, reason) => call('change_reading', { id, metric, date, value, reason }),
    exportJournal: (id, path, format) => call('export_journal_markdown', { id, path, format }),
    journalDiff: (id, from, to) => call('journal_diff', { id, from, to }),
    getAuthor: () => call('get_author'),
    setAuthor: (name) => call('set_author', { name }),
    linkUpdate: (update, journal) => call('link_update', { update, journal }),
    updateJournal: (update) => call('update_journal', { update }),
    getBranding: () => call('get_branding'),
    saveBranding: (accent, footerLabel, beatNames, significanceNote) =>
      call('save_branding', { accent, footerLabel, beatNames, significanceNote }),
    pickLogo: () => chooseOne('logo'),
    setLogo: (path) => call('set_logo', { path }),
    clearLogo: () => call('clear_logo'),
    getPptxTemplate: () => call('get_pptx_template'),
    pickPptxTemplate: () => chooseOne('pptx-template'),
    setPptxTemplate: (path) => call('set_pptx_template', { path }),
    clearPptxTemplate: () => call('clear_pptx_template'),
    pickExportPath: (format, suggestedName) => chooseOne(`export-${format}`, exportFileName(suggestedName, format)),
    pickWorkspaceToOpen: () => chooseOne('open-workspace'),
    pickWorkspaceToCreate: () => chooseOne('new-workspace', 'workspace.throughline'),
    recentWorkspaces: () => call('recent_workspaces'),
    openRecent: (index) => call('open_recent', { index }),
    revealExported: (path) => call('reveal_exported', { path }),
    closeWindow: () => getCurrentWindow().close(),
    onMenu(handler) {
      void listen<string>('menu', (event) => handler(event.payload));
    },
    onWorkspaceChanged(handler) {
      void listen('workspace-changed', () => handler());
    },
    onTeamSynced(handler) {
      void listen<SyncOutcome>('team-synced', (event) => handler(event.payload));
    },
    onCloseRequested(handler) {
      void getCurrentWindow().onCloseRequested(async () => {
        await handler();
      });
    },
  };
}
