import { describe, expect, it } from 'vitest';
import type { Revision, StoredJournal } from './backend/journalTypes';
import { emptyJournal } from './backend/journalTypes';
import { currentHead, describeFork, headRevisions } from './journalHistory';

const revision = (seq: number, author: string, at_ms: number, hash: string): Revision => ({
  seq,
  body: emptyJournal(),
  author,
  at_ms,
  reason: 'why',
  prev_hash: '',
  hash,
});

const journal = (revisions: Revision[], heads: string[]): StoredJournal => ({
  id: 1,
  shared: true,
  body: emptyJournal(),
  revisions,
  heads,
  tamper: null,
  pending: null,
});

describe('a journal history', () => {
  const first = revision(1, 'Ana', 1, 'a1');
  const ana = revision(2, 'Ana', 2, 'b2');
  const bo = revision(2, 'Bo', 3, 'c3');

  it('names both heads of a fork, and reads as the latest one', () => {
    const forked = journal([first, ana, bo], ['b2', 'c3']);
    expect(headRevisions(forked).map((h) => h.author)).toEqual(['Ana', 'Bo']);
    expect(describeFork(forked)).toBe('revision 2 by Ana and revision 2 by Bo');
    expect(currentHead(forked)?.author).toBe('Bo');
  });

  it('breaks a tie in time by the larger hash, and says nothing of a straight history', () => {
    const tie = journal([first, ana, { ...bo, at_ms: 2, hash: 'a0' }], ['b2', 'a0']);
    expect(currentHead(tie)?.hash).toBe('b2');
    const straight = journal([first, ana], ['b2']);
    expect(describeFork(straight)).toBe('');
    expect(currentHead(straight)?.seq).toBe(2);
    expect(currentHead(journal([], []))).toBeNull();
  });
});
