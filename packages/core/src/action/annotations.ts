/**
 * GitHub annotations (`::error file=…,line=…::`) for findings in files an action read, and
 * masking of values from those files that must never be printed (demo-account passwords).
 */
import { error, notice, setSecret, warning } from '@actions/core';
import { loggable } from './logger.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationPlace {
  /** Path relative to the workspace, so GitHub can attach it to the file. */
  file?: string;
  line?: number;
  title?: string;
}

/** Writes one annotation; workflow-command escaping of the message is done by @actions/core. */
export function annotate(level: AnnotationLevel, message: string, place: AnnotationPlace = {}): void {
  const all = { title: place.title, file: place.file, startLine: place.file ? place.line : undefined };
  // Only the properties that are set: an empty one still prints `::notice ::`.
  const properties = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  const text = loggable(message);
  if (level === 'error') error(text, properties);
  else if (level === 'warning') warning(text, properties);
  else notice(text, properties);
}

/** Registers a value read from a file as a secret, so the runner masks it everywhere. */
export function maskValue(value: string): void {
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 3) setSecret(line.trim());
}
