import type { DataTable } from './backend/types';

/** A table as tab-separated text, the way spreadsheets copy it. */
export function tableToText(table: DataTable): string {
  const lines = [table.header.join('\t')];
  for (const row of table.rows) {
    lines.push([row.label, ...row.values.map((v) => (v === null ? '' : String(v)))].join('\t'));
  }
  return lines.join('\n');
}

/** What the highlight can name: a series, or a category of the first column. */
export function highlightChoices(table: DataTable): string[] {
  const series = table.header.slice(1);
  const categories = table.rows.map((row) => row.label);
  return [...new Set([...series, ...categories])].filter((name) => name.trim() !== '');
}

/** A file name from a title: "Checklist lifts activation" → "checklist-lifts-activation". */
export function slug(title: string): string {
  const cleaned = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return cleaned || 'update';
}
