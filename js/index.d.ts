// The package's calls. The data they return (reports, findings, options) is declared in
// report.d.ts, after the Rust types they are serialised from (crates/crosscheck/src/report/).

import type {
  CheckedRow,
  TableSchema,
  ErrorDetail,
  FileOptions,
  Inspection,
  Options,
  Progress,
  ReconcileSummary,
  Report,
  RowPick,
  ValidationHead,
  ValidationSummary,
  ValidationReport,
  Vocabulary,
  FindingFilter,
  FindingPage,
  Issue,
  SourceRow,
  Side,
} from './report.js';

export * from './report.js';

/** A file: a File or Blob, bytes, text (written as UTF-8), or bytes with a name. */
export type FileInput = Blob | ArrayBuffer | ArrayBufferView | string | { name: string; data: Blob | ArrayBuffer | ArrayBufferView | string };

/** A Table Schema: the object, or its JSON text. */
export type SchemaInput = TableSchema | string;

/** Where the WebAssembly comes from: a URL the host serves, bytes, a Response or a compiled module. */
export type WasmSource = string | URL | ArrayBuffer | Uint8Array | Response | WebAssembly.Module;

/** How `createCrosscheck` runs the core. */
export interface EngineOptions {
  /** Run the core in a Web Worker (default: true where Web Workers exist, so not in Node.js). */
  worker?: boolean;
  /** Default: the WebAssembly inside this module, so the host serves and configures nothing. */
  wasm?: WasmSource;
}

/** A call that reports how far it is. */
export interface ProgressOptions {
  /** Hears `{stage, fraction}` as the work goes on. */
  onProgress?: (progress: Progress) => void;
}

/** `validate` and `openValidation`: how to read the file, its names, and which rows to return. */
export interface ValidateOptions extends FileOptions, ProgressOptions {
  /** The file's name in the report, for bytes or text (a File's own name is used otherwise). */
  name?: string;
  /** The schema's name in the report (default `schema.json`). */
  schemaName?: string;
  /** Also return the rows: all of them, or only those that passed or failed. */
  rows?: boolean | RowPick;
}

/** `reconcile` and `openReconciliation`: the options (the CLI's `--config`) and a progress listener. */
export interface ReconcileOptions extends Options, ProgressOptions {}

/** `inspect`: how to read the file, and its name for bytes or text. */
export interface InspectOptions extends FileOptions {
  name?: string;
}

/** A validation's result, whose rows come in pages: close it when done. */
export interface ValidationHandle {
  /** The report without its findings: tool, input, schema name, summary. */
  readonly overview: ValidationHead;
  /** The rows and findings counted. */
  readonly summary: ValidationSummary;
  findings(start?: number, count?: number): Promise<{ total: number; items: Issue[] }>;
  /** Rows `start .. start + count` of those picked (default all), each cast as the schema says when it passed. */
  rows(options?: { pick?: RowPick; start?: number; count?: number }): Promise<CheckedRow[]>;
  /** How many rows `pick` holds (all, passed or failed). */
  rowCount(pick?: RowPick): Promise<number>;
  /** The picked rows, a page at a time. */
  rowPages(options?: { pick?: RowPick; size?: number }): AsyncIterableIterator<CheckedRow[]>;
  report(): Promise<ValidationReport>;
  text(lang?: 'ja' | 'en'): Promise<string>;
  /** The findings as CSV (UTF-8 with BOM, for Excel). */
  csv(): Promise<Uint8Array>;
  close(): Promise<boolean>;
}

/** A reconciliation's result, whose findings come in pages: close it when done. */
export interface ReconciliationHandle {
  /** The report without its findings (`findings: []`). */
  readonly overview: ReconcileSummary;
  readonly summary: ReconcileSummary['summary'];
  findings(start?: number, count?: number, filter?: FindingFilter): Promise<FindingPage>;
  /** A row of either file as read: its header and cells, or null past the end. */
  row(side: Side, row: number): Promise<SourceRow | null>;
  report(): Promise<Report>;
  text(lang?: 'ja' | 'en'): Promise<string>;
  csv(): Promise<Uint8Array>;
  close(): Promise<boolean>;
}

/** An engine's calls (the module's own functions are the same calls on a shared engine). */
export interface Crosscheck {
  version(): Promise<string>;
  vocabulary(): Promise<Vocabulary>;
  inspect(file: FileInput, options?: InspectOptions): Promise<Inspection>;
  validate(file: FileInput, schema: SchemaInput, options?: ValidateOptions): Promise<ValidationReport & { rows?: CheckedRow[] }>;
  reconcile(source: FileInput, list: FileInput, options?: ReconcileOptions): Promise<Report>;
  openValidation(file: FileInput, schema: SchemaInput, options?: ValidateOptions): Promise<ValidationHandle>;
  openReconciliation(source: FileInput, list: FileInput, options?: ReconcileOptions): Promise<ReconciliationHandle>;
  /** Stop the worker; results still open are gone. */
  close(): void;
}

/** An engine of its own (the functions below share one, made when first needed). */
export function createCrosscheck(options?: EngineOptions): Crosscheck;

export function version(): Promise<string>;
export function vocabulary(): Promise<Vocabulary>;
export function inspect(file: FileInput, options?: InspectOptions): Promise<Inspection>;
export function validate(file: FileInput, schema: SchemaInput, options?: ValidateOptions): Promise<ValidationReport & { rows?: CheckedRow[] }>;
export function reconcile(source: FileInput, list: FileInput, options?: ReconcileOptions): Promise<Report>;
export function openValidation(file: FileInput, schema: SchemaInput, options?: ValidateOptions): Promise<ValidationHandle>;
export function openReconciliation(source: FileInput, list: FileInput, options?: ReconcileOptions): Promise<ReconciliationHandle>;

/** A request the core refused, saying what and where. */
export class CrosscheckError extends Error {
  readonly name: 'CrosscheckError';
  readonly kind: ErrorDetail['kind'];
  readonly file?: string;
  readonly line?: number;
  readonly row?: number;
  readonly column?: string;
  readonly hint?: string;
  readonly detail: ErrorDetail;
}
