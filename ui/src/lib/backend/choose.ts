import type { Backend } from './backend';
import { memoryBackend } from './memoryBackend';
import { tauriBackend } from './tauriBackend';

/** The real app inside Tauri; an in-memory demo in a plain browser. */
export function chooseBackend(): Backend {
  const insideTauri = typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
  return insideTauri ? tauriBackend() : memoryBackend({ withExample: true });
}
