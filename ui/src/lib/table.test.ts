import { describe, expect, it } from 'vitest';
import { highlightChoices, slug, tableToText } from './table';

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
