import type { Backend } from './backend/backend';
import { toApiError, type Branding } from './backend/types';

/** "Workspace look…": accent colour, footer label, beat names and logo for every slide. */
export class BrandingController {
  isOpen = $state(false);
  accent = $state('#2563EB');
  footerLabel = $state('');
  /** Print the beat names (CONTEXT, CONFLICT…) on slides; off, they read as a narrative. */
  beatNames = $state(false);
  /** Print a two-group difference's 95% interval under the evidence. */
  significanceNote = $state(false);
  logo = $state<string | null>(null);
  /** The company PowerPoint template's file name (null: our own master). */
  pptxTemplate = $state<string | null>(null);
  error = $state('');
  saving = $state(false);
  /** Bumped after every change, so the slide preview draws again. */
  version = $state(0);

  constructor(private readonly backend: Backend) {}

  async open(): Promise<void> {
    this.error = '';
    try {
      this.apply(await this.backend.getBranding());
      this.pptxTemplate = await this.backend.getPptxTemplate();
      this.isOpen = true;
    } catch (err) {
      this.error = toApiError(err).message;
      this.isOpen = true;
    }
  }

  close(): void {
    this.isOpen = false;
  }

  /** Stores the accent and the label (the panel saves as the user edits). */
  async save(): Promise<void> {
    await this.run(() =>
      this.backend.saveBranding(this.accent, this.footerLabel, this.beatNames, this.significanceNote),
    );
  }

  async chooseLogo(): Promise<void> {
    try {
      const path = await this.backend.pickLogo();
      if (path) await this.run(() => this.backend.setLogo(path));
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async chooseTemplate(): Promise<void> {
    try {
      const path = await this.backend.pickPptxTemplate();
      if (!path) return;
      this.saving = true;
      this.pptxTemplate = await this.backend.setPptxTemplate(path);
      this.error = '';
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.saving = false;
    }
  }

  async removeTemplate(): Promise<void> {
    try {
      this.pptxTemplate = await this.backend.clearPptxTemplate();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async removeLogo(): Promise<void> {
    await this.run(() => this.backend.clearLogo());
  }

  private async run(change: () => Promise<Branding>): Promise<void> {
    this.saving = true;
    try {
      this.apply(await change());
      this.error = '';
      this.version += 1;
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.saving = false;
    }
  }

  private apply(branding: Branding): void {
    this.accent = branding.accent;
    this.footerLabel = branding.footer_label;
    this.beatNames = branding.beat_names;
    this.significanceNote = branding.significance_note;
    this.logo = branding.logo;
  }
}
