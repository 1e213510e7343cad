import type { DataTable } from './backend/types';

/** A table as tab-separated text, the way spreadsheets copy it. */
export function tableToText(table: DataTable): string {
  const lines = [table.header.join('\t')];
  for (const row of table.rows) {
    lines.push([row.label, ...row.values.map((v) => (v === null ? '' : String(v)))].join('\t'));
  }
  return lines.join('\n');
}

/** The cells of a table as the grid editor shows them: header first, all text. */
export type Grid = string[][];

export function tableToGrid(table: DataTable): Grid {
  return [
    [...table.header],
    ...table.rows.map((row) => [row.label, ...row.values.map((v) => (v === null ? '' : String(v)))]),
  ];
}

/** The grid as tab-separated text; a cell with a tab, quote or line break is quoted. */
export function gridToText(grid: Grid): string {
  const cell = (text: string) => (/[\t"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return grid.map((row) => row.map(cell).join('\t')).join('\n');
}

const width = (grid: Grid) => Math.max(2, ...grid.map((row) => row.length));

export function addRow(grid: Grid): Grid {
  return [...grid, Array.from({ length: width(grid) }, () => '')];
}

export function addColumn(grid: Grid): Grid {
  const n = width(grid);
  return grid.map((row, index) => {
    const padded = [...row, ...Array.from({ length: n - row.length }, () => '')];
    return [...padded, index === 0 ? `Series ${n}` : ''];
  });
}

export function removeRow(grid: Grid, index: number): Grid {
  return index <= 0 ? grid : grid.filter((_, i) => i !== index);
}

export function removeColumn(grid: Grid, column: number): Grid {
  if (column <= 0 || width(grid) <= 2) return grid;
  return grid.map((row) => row.filter((_, i) => i !== column));
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
