import { describe, expect, it } from 'vitest';
import {
  addColumn,
  addRow,
  gridToText,
  highlightChoices,
  removeColumn,
  removeRow,
  slug,
  tableToGrid,
  tableToText,
} from './table';

const table = {
  header: ['Week', 'Control', 'Pilot'],
  rows: [
    { label: 'W1', values: [31, 31] },
    { label: 'W2', values: [31.5, null] },
  ],
};

describe('chart tables in the editor', () => {
  it('shows a stored table as tab-separated text with gaps kept empty', () => {
    expect(tableToText(table)).toBe('Week\tControl\tPilot\nW1\t31\t31\nW2\t31.5\t');
  });

  it('offers series and categories as highlights', () => {
    expect(highlightChoices(table)).toEqual(['Control', 'Pilot', 'W1', 'W2']);
  });

  it('turns titles into safe file names', () => {
    expect(slug('Checklist lifts activation 9 pts — roll it out!')).toBe(
      'checklist-lifts-activation-9-pts-roll-it-out',
    );
    expect(slug('<script>/../etc')).toBe('script-etc');
    expect(slug('   ')).toBe('update');
  });
});

describe('the chart data grid', () => {
  it('round-trips a table through grid cells and tab-separated text', () => {
    const grid = tableToGrid(table);
    expect(grid).toEqual([
      ['Week', 'Control', 'Pilot'],
      ['W1', '31', '31'],
      ['W2', '31.5', ''],
    ]);
    expect(gridToText(grid)).toBe('Week\tControl\tPilot\nW1\t31\t31\nW2\t31.5\t');
  });

  it('quotes cells that hold a tab, a quote or a line break', () => {
    expect(gridToText([['Stage', 'Users'], ['Sign\tup "free"', '100']])).toBe(
      'Stage\tUsers\n"Sign\tup ""free"""\t100',
    );
  });

  it('adds and removes rows and columns, never the header or the label column', () => {
    let grid = tableToGrid(table);
    grid = addRow(grid);
    expect(grid).toHaveLength(4);
    expect(grid[3]).toEqual(['', '', '']);
    grid = addColumn(grid);
    expect(grid[0]).toEqual(['Week', 'Control', 'Pilot', 'Series 3']);
    expect(grid[1]).toEqual(['W1', '31', '31', '']);
    expect(removeRow(grid, 0)).toBe(grid);
    expect(removeRow(grid, 3)).toHaveLength(3);
    expect(removeColumn(grid, 0)).toBe(grid);
    expect(removeColumn(grid, 1)[0]).toEqual(['Week', 'Pilot', 'Series 3']);
  });
});
