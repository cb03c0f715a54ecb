import type { Result } from '../checks/result.js';

/** What a run tells its listeners (the console progress line, the vitest adapter). */
export type RunEvent =
  | { type: 'start'; operations: number; checks: number; tasks: number }
  | { type: 'result'; result: Result; done: number; total: number }
  | { type: 'phase'; name: 'operations' | 'api' | 'isolated' | 'observe' }
  | { type: 'end'; durationMs: number; requests: number };

export type RunListener = (event: RunEvent) => void;
