/**
 * How a zod issue reads to a person. The schemas use `zod/mini`, which has no messages of its own: without
 * a locale every issue says only "Invalid input". Loading this module installs zod's English messages, once
 * for the process; every module that turns issues into words imports from here, so they are in place
 * before anything is parsed.
 */
import type { core } from 'zod/mini';
import { config } from 'zod/mini';
import { en } from 'zod/locales';

// NOTE: zod/mini instead of classic zod for bundle size (classic cost 97 KB of the minified extension,
// mini with these messages 35 KB, of which the English locale is under 3 KB); the locale keeps the
// messages classic zod gave.
config(en());

/** Where an issue is, as `prompts.0.createdAt`; empty at the top level. */
export function issuePath(issue: core.$ZodIssue): string {
  return issue.path.join('.');
}

/** One issue as `where: what`, e.g. `prompts.0.createdAt: Too small: expected number to be >=0`. */
export function describeIssue(issue: core.$ZodIssue, topLevel: string): string {
  return `${issue.path.length ? issuePath(issue) : topLevel}: ${issue.message}`;
}
