// Where the queue lives: `redis://[user:password@]HOST:PORT[/DB]` (or `rediss://` for TLS) → the
// connection options BullMQ hands to ioredis. The queue's name can follow as `?queue=NAME` (default
// `plans`), so several archives can share one Redis.
import { PlanError } from '../../model/message.js';

export interface QueueAddress {
  connection: {
    host: string;
    port: number;
    db?: number;
    username?: string;
    password?: string;
    tls?: Record<string, never>;
    /** BullMQ workers block on Redis: ioredis must not give up on a command after N retries */
    maxRetriesPerRequest: null;
  };
  name: string;
  /** the address without a password, for messages */
  shown: string;
}

export const DEFAULT_QUEUE_NAME = 'plans';

export function parseQueueUrl(url: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PlanError('unsupported', `--queue: not a URL: ${url} (expected redis://HOST:PORT)`, {}, 'load');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new PlanError('unsupported', `--queue: expected redis://HOST:PORT, got ${u.protocol}//…`, {}, 'load');
  }
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new PlanError('unsupported', `--queue: the path of ${url} must be a database number`, {}, 'load');
  const name = u.searchParams.get('queue') ?? DEFAULT_QUEUE_NAME;
  if (!/^[\w.-]+$/.test(name)) throw new PlanError('unsupported', `--queue: queue name "${name}" may hold letters, digits, ., - and _`, {}, 'load');
  return {
    connection: {
      host: u.hostname || '127.0.0.1',
      port: u.port ? Number(u.port) : 6379,
      ...(db ? { db: Number(db) } : {}),
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
      maxRetriesPerRequest: null,
    },
    name,
    shown: `${u.protocol}//${u.hostname}:${u.port || 6379}${db ? `/${db}` : ''} (queue ${name})`,
  };
}
