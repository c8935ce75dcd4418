// Bench instrumentation: counts and times every SQL statement this process's `pg` clients send,
// grouped by statement shape, so the bench can say what one governed task costs in statements.

import pg from 'pg';

/** What one statement shape cost while counting was on. */
export interface ShapeStats {
  shape: string;
  count: number;
  /** Sum of each statement's round trip (overlapping ones add up), in ms. */
  totalMs: number;
}

/** Counts since the last `start()`. */
export interface SqlSnapshot {
  statements: number;
  transactions: number;
  totalMs: number;
  shapes: ShapeStats[];
}

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

/** Patches pg.Client.prototype.query once; counting happens between start() and stop(). */
export class SqlCounter {
  private readonly shapes = new Map<string, ShapeStats>();
  private counting = false;

  constructor() {
    const prototype = pg.Client.prototype as unknown as { query: QueryFunction };
    const original = prototype.query;
    const record = (text: string, startedAt: number) => this.record(text, startedAt);
    const isCounting = () => this.counting;
    prototype.query = function query(this: pg.Client, ...args: unknown[]) {
      if (!isCounting()) return original.apply(this, args);
      const text = textOf(args[0]);
      const startedAt = performance.now();
      const result = original.apply(this, args);
      if (result instanceof Promise) {
        result.then(
          () => record(text, startedAt),
          () => record(text, startedAt),
        );
      } else {
        record(text, startedAt);
      }
      return result;
    };
  }

  start(): void {
    this.shapes.clear();
    this.counting = true;
  }

  stop(): SqlSnapshot {
    this.counting = false;
    const shapes = [...this.shapes.values()].sort((a, b) => b.totalMs - a.totalMs);
    return {
      statements: shapes.reduce((sum, shape) => sum + shape.count, 0),
      transactions: this.shapes.get('BEGIN')?.count ?? 0,
      totalMs: shapes.reduce((sum, shape) => sum + shape.totalMs, 0),
      shapes,
    };
  }

  private record(text: string, startedAt: number): void {
    const shape = shapeOf(text);
    const stats = this.shapes.get(shape) ?? { shape, count: 0, totalMs: 0 };
    stats.count += 1;
    stats.totalMs += performance.now() - startedAt;
    this.shapes.set(shape, stats);
  }
}

function textOf(first: unknown): string {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first) return String(first.text);
  return '<other>';
}

/** A short human label: transaction control, graphile-worker call, or verb + main table. */
export function shapeOf(text: string): string {
  const sql = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const control = /^(begin|commit|rollback|savepoint|release|listen|unlisten)\b/.exec(sql);
  if (control?.[1]) return control[1].toUpperCase();
  if (sql.includes('_private_jobs')) {
    if (sql.includes('skip locked')) return 'queue: get_job (lock next job)';
    if (sql.startsWith('delete from')) return 'queue: complete_job (delete job)';
    if (sql.includes('last_error')) return 'queue: fail_job';
  }
  const queueCall = /graphile_worker\.(\w+)\s*\(/.exec(sql);
  if (queueCall?.[1]) return `queue: ${queueCall[1]}()`;
  if (sql.includes('graphile_worker.')) {
    const table = /graphile_worker\.(\w+)/.exec(sql)?.[1] ?? '?';
    return `queue: ${sql.split(' ')[0]} ${table}`;
  }
  const verb = sql.split(' ')[0] ?? '?';
  const table =
    /\b(?:from|into|update)\s+"?(\w+)"?/.exec(sql)?.[1] ??
    (verb === 'select' ? sql.slice(7, 40) : '?');
  const filter = /\bwhere\s+"?(\w+)"?/.exec(sql)?.[1];
  return `${verb} ${table}${filter ? ` by ${filter}` : ''}`;
}
