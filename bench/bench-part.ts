import type { BuiltAction } from './built-action.js';
import type { Figure } from './figures.js';
import type { Renderer } from './kustomize-alone.js';

/** What every part of the bench is given. */
export interface BenchContext {
  action: BuiltAction;
  /** The renderer the action will use, for the competitor runs. */
  renderer: Renderer;
  /** A folder of this bench run, removed at its end. */
  scratch: string;
}

/** A part prints its own tables and returns its figures for the summary. */
export type BenchPart = (context: BenchContext) => Promise<Figure[]>;
