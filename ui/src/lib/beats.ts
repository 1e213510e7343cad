import type { BeatName } from './backend/types';

export interface BeatGuide {
  name: BeatName;
  label: string;
  prompt: string;
  example: string;
}

/** The four beats in story order, each with what to write and a short example. */
export const BEATS: readonly BeatGuide[] = [
  {
    name: 'context',
    label: 'Context',
    prompt: 'What changed in the landscape? A market shift, a customer pain, or a competitive threat.',
    example: 'Two competitors now bundle guided onboarding into their free tiers.',
  },
  {
    name: 'conflict',
    label: 'Conflict',
    prompt: 'What obstacle or trade-off makes this urgent now?',
    example: 'A longer trial adds support cost without fixing the day-three drop-off.',
  },
  {
    name: 'resolution',
    label: 'Resolution',
    prompt:
      'What decisive product action do you recommend, and how does it serve the executive priority?',
    example: 'Ship the setup checklist to all new workspaces by 15 Dec; keep the 14-day trial.',
  },
  {
    name: 'evidence',
    label: 'Evidence',
    prompt: 'One high-signal metric or one customer quote that proves it.',
    example: 'A/B test, 6 weeks: 41% week-one activation vs 32% without.',
  },
];
