import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { Backend } from './backend';
import { toApiError, type ExportProgress } from './types';

const WORKSPACE_FILTER = [{ name: 'Throughline workspace', extensions: ['throughline'] }];

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
    duplicateUpdate: (id) => call('duplicate_update', { id }),
    backUpNow: () => call('back_up_now'),
    externalChanges: () => call('external_changes'),
    renderPreview: (fields, theme, id) => call('render_preview', { fields, theme, id: id ?? null }),
    parseChartData: (text) => call('parse_chart_data', { text }),
    async pickStoryFiles() {
      const picked = await open({
        multiple: true,
        directory: false,
        filters: [{ name: 'Story Markdown', extensions: ['md', 'markdown', 'txt'] }],
      });
      if (picked === null) return [];
      return Array.isArray(picked) ? picked : [picked];
    },
    importStories: (paths) => call('import_stories', { paths }),
    importChartFile: (path) => call('import_chart_file', { path }),
    async pickChartFile() {
      const picked = await open({
        multiple: false,
        directory: false,
        filters: [
          { name: 'Spreadsheet or CSV', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'xls', 'ods'] },
        ],
      });
      return typeof picked === 'string' ? picked : null;
    },
    exportUpdates(ids, path, format, theme, scale, onProgress) {
      const onProgressChannel = new Channel<ExportProgress>();
      onProgressChannel.onmessage = (progress) => onProgress?.(progress);
      return call('export_updates', {
        ids,
        path,
        format,
        theme,
        scale: scale ?? null,
        onProgress: onProgressChannel,
      });
    },
    copySlideImage: (fields, theme) => call('copy_slide_image', { fields, theme }),
    reviewUpdate: (id, fields) => call('review_update', { id, fields }),
    setSilencedRules: (id, rules) => call('set_silenced_rules', { id, rules }),
    listJournals: () => call('list_journals'),
    getJournal: (id) => call('get_journal', { id }),
    createJournal: (body) => call('create_journal', { body }),
    saveJournal: (id, body) => call('save_journal', { id, body }),
    shareJournal: (id) => call('share_journal', { id }),
    reviseJournal: (id, body, reason) => call('revise_journal', { id, body, reason }),
    async pickReadingsFile() {
      const picked = await open({
        multiple: false,
        directory: false,
        filters: [{ name: 'Readings (CSV)', extensions: ['csv', 'tsv', 'txt'] }],
      });
      return typeof picked === 'string' ? picked : null;
    },
    importReadings: (id, path, acceptValid) => call('import_readings', { id, path, acceptValid }),
    addReading: (id, metric, date, value) => call('add_reading', { id, metric, date, value }),
    exportJournal: (id, path, format) => call('export_journal_markdown', { id, path, format }),
    journalDiff: (id, from, to) => call('journal_diff', { id, from, to }),
    getAuthor: () => call('get_author'),
    setAuthor: (name) => call('set_author', { name }),
    linkUpdate: (update, journal) => call('link_update', { update, journal }),
    updateJournal: (update) => call('update_journal', { update }),
    getBranding: () => call('get_branding'),
    saveBranding: (accent, footerLabel) => call('save_branding', { accent, footerLabel }),
    async pickLogo() {
      const picked = await open({
        multiple: false,
        directory: false,
        filters: [{ name: 'Logo image', extensions: ['png', 'jpg', 'jpeg'] }],
      });
      return typeof picked === 'string' ? picked : null;
    },
    setLogo: (path) => call('set_logo', { path }),
    clearLogo: () => call('clear_logo'),
    async pickExportPath(format, suggestedName) {
      const filters = {
        pdf: [{ name: 'PDF', extensions: ['pdf'] }],
        png: [{ name: 'PNG image', extensions: ['png'] }],
        md: [{ name: 'Markdown', extensions: ['md'] }],
      }[format];
      return (await save({ defaultPath: `${suggestedName}.${format}`, filters })) ?? null;
    },
    async pickWorkspaceToOpen() {
      const picked = await open({ multiple: false, directory: false, filters: WORKSPACE_FILTER });
      return typeof picked === 'string' ? picked : null;
    },
    async pickWorkspaceToCreate() {
      return (await save({ defaultPath: 'workspace.throughline', filters: WORKSPACE_FILTER })) ?? null;
    },
    closeWindow: () => getCurrentWindow().close(),
    onMenu(handler) {
      void listen<string>('menu', (event) => handler(event.payload));
    },
    onCloseRequested(handler) {
      void getCurrentWindow().onCloseRequested(async () => {
        await handler();
      });
    },
  };
}
