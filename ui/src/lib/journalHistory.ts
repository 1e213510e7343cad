// A shared journal's history as the window reads it: its heads (more than
// one when two revisions were made apart on the same earlier one) and the
// head it reads as. Mirrors `heads`/`current_head` in
// crates/core/src/journal/history.rs; Rust stays the judge of the hashes.
import type { Revision, StoredJournal } from './backend/journalTypes';

/** The revisions nothing was made on yet, in stored order. */
export function headRevisions(journal: StoredJournal): Revision[] {
  return journal.heads
    .map((hash) => journal.revisions.find((revision) => revision.hash === hash))
    .filter((revision): revision is Revision => revision !== undefined);
}

/** The head the journal reads as: the latest made, ties to the larger hash. */
export function currentHead(journal: StoredJournal): Revision | null {
  let current: Revision | null = null;
  for (const head of headRevisions(journal)) {
    if (!current || head.at_ms > current.at_ms || (head.at_ms === current.at_ms && head.hash > current.hash)) {
      current = head;
    }
  }
  return current;
}

/** "revision 2 by Ana and revision 2 by Bo": the heads of a forked journal, or '' when it is not forked. */
export function describeFork(journal: StoredJournal): string {
  const heads = headRevisions(journal);
  if (heads.length < 2) return '';
  return heads.map((head) => `revision ${head.seq} by ${head.author}`).join(' and ');
}
