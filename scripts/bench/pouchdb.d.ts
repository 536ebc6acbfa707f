// The little of PouchDB and express-pouchdb the sync comparison uses (they ship no types).
declare module 'pouchdb-browser' {
  export interface ReplicationResult {
    ok: boolean;
    docs_written: number;
    doc_write_failures: number;
  }
  export default class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    put(doc: { _id: string } & Record<string, unknown>): Promise<{ ok: boolean }>;
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
    replicate: {
      to(target: string, options?: Record<string, unknown>): Promise<ReplicationResult>;
    };
  }
}

declare module 'pouchdb-node' {
  interface PouchNode {
    defaults(options: { prefix: string }): PouchNode;
  }
  const PouchDB: PouchNode;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  export default function expressPouchDB(
    pouch: unknown,
    options?: Record<string, unknown>,
  ): RequestListener;
}
