import * as core from '@actions/core';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { splitList } from '../text/split-list.js';

/**
 * Typed readers over the action's inputs. The CLI turns its flags into the same
 * INPUT_* variables, so one set of readers serves both.
 */

export function readString(name: string, fallback = ''): string {
  const value = core.getInput(name);
  return value === '' ? fallback : value;
}

/**
 * A folder on this machine, resolved against the working folder; '' when the
 * input is empty and there is no fallback. A missing folder is named here,
 * before git or kustomize would fail on it with a bare ENOENT.
 */
export function readFolder(name: string, fallback = ''): string {
  const given = core.getInput(name) || fallback;
  if (given === '') return '';
  const folder = resolve(given);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new InputError(name, `'${given}' does not exist.`);
  }
  if (!isFolder) throw new InputError(name, `'${given}' is a file; give the folder of the config repo's checkout.`);
  return folder;
}

export function readRequired(name: string): string {
  const value = core.getInput(name);
  if (value === '') throw new InputError(name, 'is required but was not given.');
  return value;
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

export function readBoolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).toLowerCase();
  if (value === '') return fallback;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new InputError(name, `expected true or false, got '${core.getInput(name)}'.`);
}

/** A boolean the workflow may leave unset (undefined), for settings the promotion config can also carry. */
export function readOptionalBoolean(name: string): boolean | undefined {
  return core.getInput(name) === '' ? undefined : readBoolean(name, false);
}

/** A list given one item per line, or comma-separated; blank items and # comments dropped. */
export function readList(name: string): string[] {
  return splitList(core.getInput(name));
}

/** A list the workflow may leave unset (undefined); a set list is never empty. */
export function readOptionalList(name: string): string[] | undefined {
  return core.getInput(name).trim() === '' ? undefined : readList(name);
}

/** One of `choices`, matched without regard to case and returned as the choice is spelt; `fallback` when unset. */
export function readChoice<T extends string, F extends T | undefined>(name: string, choices: readonly T[], fallback: F): T | F {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (!match) throw new InputError(name, `expected one of ${choices.join(', ')}, got '${value}'.`);
  return match;
}

export function readRegExp(name: string): RegExp | undefined {
  const source = core.getInput(name);
  if (source === '') return undefined;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new InputError(name, `is not a valid regular expression (${(error as Error).message}).`);
  }
}

/** A duration such as 90s, 10m, 1h30m or a bare number of seconds; returns milliseconds. */
export function readDuration(name: string, fallback: string): number {
  const text = core.getInput(name) || fallback;
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new InputError(name, `expected a duration such as 90s, 10m or 1h30m, got '${text}'.`);
  }
  return ms;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return undefined;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit], 0);
}
