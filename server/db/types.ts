/**
 * Exactly the subset of the wx-server-sdk database API that server code may use. The cloud's
 * `cloud.database()` satisfies it, and so does the local store; code typed against this
 * interface cannot reach an SDK feature the local cloud lacks.
 */
export type DocData = Record<string, unknown>;
export type StoredDoc = DocData & { _id: string };

export type SortDirection = 'asc' | 'desc';

export interface Query {
  /** A field map, or a db.command.and/or of field maps. */
  where(condition: object): Query;
  orderBy(field: string, direction: SortDirection): Query;
  skip(count: number): Query;
  /** Server-side default is 100 documents per get(); at most 1000. */
  limit(count: number): Query;
  field(projection: Record<string, boolean>): Query;
  get(): Promise<{ data: StoredDoc[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: DocData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocumentReference {
  /** Rejects when the document does not exist, as the cloud does. */
  get(): Promise<{ data: StoredDoc }>;
  set(options: { data: DocData }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: DocData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface CollectionReference extends Query {
  doc(id: string): DocumentReference;
  add(options: { data: DocData }): Promise<{ _id: string }>;
}

export interface TransactionDocumentReference {
  get(): Promise<{ data: StoredDoc }>;
  set(options: { data: DocData }): Promise<unknown>;
  update(options: { data: DocData }): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface Transaction {
  collection(name: string): { doc(id: string): TransactionDocumentReference };
  rollback(reason?: unknown): unknown;
}

/** Operators of `db.command` that the local store implements. */
/** What `db.command` builds: opaque to callers, read only by the database. */
export type Operand = object;
/** A field condition, which chains like the cloud's: `_.gte(1).and(_.lt(9))`. */
export interface FieldOperand extends Operand {
  and(...conditions: unknown[]): FieldOperand;
  or(...conditions: unknown[]): FieldOperand;
}

export interface Command {
  eq(value: unknown): FieldOperand;
  neq(value: unknown): FieldOperand;
  gt(value: unknown): FieldOperand;
  gte(value: unknown): FieldOperand;
  lt(value: unknown): FieldOperand;
  lte(value: unknown): FieldOperand;
  in(values: unknown[]): FieldOperand;
  nin(values: unknown[]): FieldOperand;
  exists(flag: boolean): FieldOperand;
  and(...conditions: unknown[]): Operand;
  or(...conditions: unknown[]): Operand;
  inc(by: number): Operand;
  set(value: unknown): Operand;
  remove(): Operand;
  push(value: unknown): Operand;
  pull(value: unknown): Operand;
  addToSet(value: unknown): Operand;
}

export interface Database {
  collection(name: string): CollectionReference;
  command: Command;
  RegExp(options: { regexp: string; options?: string }): Operand;
  runTransaction<T>(callback: (tx: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

/** The message both the cloud and the local store give for a missing document. */
export function isNotFoundError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error);
  return /does not exist|not exist|-502005/i.test(message);
}
