import type { Backend } from './backend/backend';
import { formatInstantDay } from './dates';
import { toApiError, type SharedKind, type SyncOutcome, type TeamSharing, type TeamStatus } from './backend/types';

/**
 * "Team…": join a team (or start one), choose what is shared, see what
 * waits to be sent, leave. Every rule (which servers are acceptable, what
 * an exchange does) is Rust's; this holds the form and shows the answers.
 */
export class TeamController {
  isOpen = $state(false);
  status = $state<TeamStatus | null>(null);
  /** The join form. */
  server = $state('');
  /** A team id, or a pasted invitation (its JSON). Empty: start a new team. */
  teamOrInvitation = $state('');
  teamName = $state('');
  displayName = $state('');
  allowPlain = $state(false);
  busy = $state(false);
  error = $state('');
  /** The last exchange, as the schedule or "Sync now" reported it. */
  lastOutcome = $state<SyncOutcome | null>(null);
  invitation = $state('');

  constructor(private readonly backend: Backend) {}

  get joined(): boolean {
    return this.status?.joined ?? false;
  }

  isShared(kind: SharedKind, id: number): boolean {
    return kind === 'update' && (this.status?.shared_updates ?? []).includes(id);
  }

  /** "Ben · Dec 7", for a shared item someone changed last. */
  lastChange(kind: SharedKind, id: number): string {
    const change = this.status?.last_changes.find((c) => c.kind === kind && c.id === id);
    if (!change) return '';
    return `${change.by} · ${formatInstantDay(change.at)}`;
  }

  async refresh(): Promise<void> {
    try {
      this.status = await this.backend.teamStatus();
      if (this.status.display_name && !this.displayName) this.displayName = this.status.display_name;
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async open(): Promise<void> {
    this.error = '';
    this.invitation = '';
    await this.refresh();
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
  }

  /** An invitation's server and team, when one was pasted; else the fields as typed. */
  private joinTarget(): { server: string; team: string | null } {
    const text = this.teamOrInvitation.trim();
    if (text.startsWith('{')) {
      try {
        const parsed = JSON.parse(text) as { server?: unknown; team?: unknown };
        return {
          server: this.server.trim() || String(parsed.server ?? ''),
          team: typeof parsed.team === 'string' ? parsed.team : text,
        };
      } catch {
        // Rust says what is wrong with it.
      }
    }
    return { server: this.server.trim(), team: text === '' ? null : text };
  }

  async join(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const target = this.joinTarget();
      this.status = await this.backend.teamJoin({
        server: target.server,
        team: target.team,
        teamName: this.teamName,
        displayName: this.displayName,
        allowPlain: this.allowPlain,
      });
      this.teamOrInvitation = '';
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.busy = false;
    }
  }

  async leave(): Promise<void> {
    this.busy = true;
    try {
      this.status = await this.backend.teamLeave();
      this.lastOutcome = null;
      this.invitation = '';
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.busy = false;
    }
  }

  async setSharing(sharing: TeamSharing): Promise<void> {
    try {
      this.status = await this.backend.teamSetSharing(sharing);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async share(kind: SharedKind, id: number, shared: boolean): Promise<boolean> {
    try {
      this.status = await this.backend.teamShare(kind, id, shared);
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    }
  }

  async syncNow(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.lastOutcome = await this.backend.teamSyncNow();
      await this.refresh();
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.busy = false;
    }
  }

  async showInvitation(): Promise<void> {
    try {
      this.invitation = await this.backend.teamInvitation();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  synced(outcome: SyncOutcome): void {
    this.lastOutcome = outcome;
    void this.refresh();
  }
}
