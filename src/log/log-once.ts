import * as core from '@actions/core';

/**
 * A run plans the same edit more than once: again on a moved branch head, and
 * for the arguments an open pull request carries; and it checks the same
 * overlays before and after GitHub is reached. Each plan and check sees the same
 * facts, and says each once: a notice or warning here is printed the first
 * time in a run (one process) and dropped when it comes again word for word.
 */
const said = new Set<string>();

/** True the first time `key` is asked about in this run. */
export function isFirstMention(key: string): boolean {
  if (said.has(key)) return false;
  said.add(key);
  return true;
}

export function errorOnce(message: string, properties: core.AnnotationProperties = {}): void {
  if (isFirstMention(`error\n${message}\n${JSON.stringify(properties)}`)) core.error(message, properties);
}

export function infoOnce(message: string): void {
  if (isFirstMention(`info\n${message}`)) core.info(message);
}

export function noticeOnce(message: string, properties: core.AnnotationProperties = {}): void {
  if (isFirstMention(`notice\n${message}\n${JSON.stringify(properties)}`)) core.notice(message, properties);
}

export function warningOnce(message: string, properties: core.AnnotationProperties = {}): void {
  if (isFirstMention(`warning\n${message}\n${JSON.stringify(properties)}`)) core.warning(message, properties);
}
