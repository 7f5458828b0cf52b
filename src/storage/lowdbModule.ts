import type * as Lowdb from 'lowdb' with { 'resolution-mode': 'import' };

/** The lowdb module as loaded at run time. */
type LowdbModule = typeof Lowdb;

let loaded: Promise<LowdbModule> | undefined;

/**
 * lowdb's `Low` class, loaded once.
 * NOTE: lowdb is ESM-only and this package compiles as CommonJS, so a static import does not type-check;
 * a dynamic import does, and esbuild still bundles it into the single output file.
 */
export async function lowClass(): Promise<typeof Lowdb.Low> {
  loaded ??= import('lowdb');
  return (await loaded).Low;
}
