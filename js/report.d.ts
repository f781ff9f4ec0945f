// The data the package's calls take and return, as the Rust core serialises it with serde:
// crates/crosscheck/src/report/ (the report), options.rs, error.rs, vocabulary.rs, api.rs and what
// the bindings add (crates/crosscheck-wasm/src/). Field names are the JSON's (snake_case). A field
// marked `?` is left out of the JSON when empty (serde's `skip_serializing_if`); `T | null` is
// always there and may be null. tests/types/types.test.mjs checks these against real output.

// ---------------------------------------------------------------------------------------------
// Words

/** What a finding is about, in the order a report lists them (`vocabulary().finding_kinds`). */
export type FindingKind =
  | 'missing'
  | 'unexpected'
  | 'duplicate'
  | 'mismatch'
  | 'crosswired'
  | 'shifted'
  | 'malformed'
  | 'total_mismatch'
  | 'error_cell'
  | 'near_miss'
  | 'ambiguous';

/** What a validation finding is about (`vocabulary().validation_kinds`). */
export type IssueKind = 'invalid' | 'duplicate' | 'malformed';

/** Which file a finding is about. */
export type Side = 'source' | 'list';

/** A normalisation step, by its name in options and on the CLI. */
export type Step =
  | 'nfkc'
  | 'trim'
  | 'collapse_spaces'
  | 'remove_spaces'
  | 'lowercase'
  | 'katakana'
  | 'digits_only'
  | 'integer'
  | 'number'
  | 'date';

/** How list rows find their source records (`auto`: by the key when it is an ID or a code, else by consensus). */
export type Pairing = 'auto' | 'key' | 'consensus';

/** How rows were paired in a run: `auto` is always decided into one of these. */
export type DecidedPairing = Exclude<Pairing, 'auto'>;

/** The shape of a column's values. */
export type ColumnKind = 'email' | 'phone' | 'postal' | 'integer' | 'number' | 'date' | 'kana' | 'code' | 'text' | 'empty';

/** What a column means, as far as its header tells. */
export type ColumnRole =
  | 'id'
  | 'name'
  | 'kana'
  | 'email'
  | 'phone'
  | 'postal'
  | 'prefecture'
  | 'address'
  | 'points'
  | 'amount'
  | 'registered'
  | 'birthday'
  | 'date';

/** How a pair of columns was found. */
export type MappedBy = 'options' | 'exact' | 'normalized' | 'synonym' | 'content';

/** How a typed key differs from the one it should be. */
export type Slip = 'look_alike' | 'dropped' | 'added' | 'swapped';

/** What Excel did to a column. */
export type DamageKind = 'lost_leading_zeros' | 'phone_as_number' | 'scientific_notation' | 'date_as_serial';

/** Why a line is not a row of the table. */
export type SkippedReason = 'above_header' | 'totals' | 'notes';

/** A stage of a call, as progress and the vocabulary's bars name it. */
export type Stage = 'reading' | 'reading_source' | 'reading_list' | 'checking' | 'mapping' | 'matching' | 'comparing' | 'done';

/** What went wrong, broadly: scripts branch on this, people read the message. */
export type ErrorKind = 'decode' | 'parse' | 'options' | 'key' | 'io' | 'schema' | 'memory' | 'internal';

/** What to do about an error, as a code a front end words with its own controls. */
export type Remedy = 'name_key' | 'pair_by_key';

/** A message for a person, in both languages the tool speaks. */
export interface Message {
  ja: string;
  en: string;
}

/** The tool that wrote a result. */
export interface Tool {
  name: 'crosscheck';
  version: string;
}

// ---------------------------------------------------------------------------------------------
// Options (what the caller passes; what a run used is `UsedOptions`)

/** Which sheet of a workbook: its name (`"宛先"`) or its 1-based position (`2`). */
export type SheetChoice = string | number;

/** How to read one file; everything omitted (or `"auto"`) is detected. */
export interface FileOptions {
  /** `auto`, `utf-8`, `utf-16le`, `utf-16be`, `cp932` (Shift_JIS) or `euc-jp` (default `auto`). */
  encoding?: string;
  /** `auto`, or the character: `,`, TAB, `;`, `|` (default `auto`). */
  delimiter?: string;
  /** A workbook's sheet; omitted: the first that holds a table. */
  sheet?: SheetChoice | null;
  /** The header's row as Excel numbers it (the line, in a CSV); omitted: found. */
  header_row?: number | null;
}

/** One column pair as the caller names it: a key part or a compared column. */
export interface ColumnSpec {
  /** Column name in the source file. */
  source: string;
  /** Column name in the list; omitted: the column the mapping pairs with `source`. */
  list?: string | null;
  /** Normalisation steps, left to right; omitted: chosen from the column's content. */
  normalize?: Step[] | null;
  /** For `number` columns: values closer than this are equal. */
  tolerance?: number | null;
  /** Whether a value here identifies a customer (so it can be cross-wired); omitted: decided. */
  identifying?: boolean | null;
}

/** A reconciliation's options (the CLI's `--config`); everything left out is detected. Unknown fields are refused. */
export interface Options {
  source?: FileOptions;
  list?: FileOptions;
  /** Key columns (composite when more than one); omitted: chosen automatically. */
  key?: ColumnSpec[] | null;
  /** How rows are paired (default `auto`). */
  pairing?: Pairing;
  /** The compared columns, exhaustively; omitted: every column the automatic mapping pairs. */
  columns?: ColumnSpec[] | null;
  /** Pairs pinned on top of the automatic mapping (the CLI's `--map SRC=LIST`). */
  map?: ColumnSpec[];
  /** Keep at most this many findings in the report; the summary still counts them all. */
  max_findings?: number | null;
  /** A Table Schema the list must also satisfy: validation in the same run. */
  schema?: TableSchema | null;
}

/** How a file was read, as a run echoes it: encoding and delimiter as detected, a workbook's sheet by name. */
export interface UsedFileOptions {
  /** The encoding read (a workbook: its format, `xlsx`, `xls`, `xlsb` or `ods`). */
  encoding: string;
  /** The delimiter read (empty for a workbook). */
  delimiter: string;
  sheet?: SheetChoice;
  header_row?: number;
}

/** A column pair as a run echoes it: only what was given or decided. */
export interface UsedColumnSpec {
  source: string;
  list?: string;
  normalize?: Step[];
  tolerance?: number;
  identifying?: boolean;
}

/** The options a run used, everything detected filled in: fed back, they reproduce the run. */
export interface UsedOptions {
  source: UsedFileOptions;
  list: UsedFileOptions;
  key: UsedColumnSpec[];
  pairing: DecidedPairing;
  columns: UsedColumnSpec[];
  /** Always empty in a run's echo (its pairs are in `columns`), so left out. */
  map?: UsedColumnSpec[];
  max_findings: number | null;
  schema?: TableSchema;
}

/** A Table Schema (Frictionless Data), as `validate` and `options.schema` take it; extra properties are kept. */
export interface TableSchema {
  fields: TableSchemaField[];
  /** A column or columns whose value must be unique and present. */
  primaryKey?: string | string[];
  /** Values that mean "no value" (default `[""]`). */
  missingValues?: string[];
  [property: string]: unknown;
}

/** One field of a Table Schema. */
export interface TableSchemaField {
  name: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'year' | 'yearmonth' | 'any';
  /** `email`, `uri`, `uuid` for strings; `any` or a pattern such as `%Y/%m/%d` for dates. */
  format?: string;
  /** crosscheck's Japanese formats, ignored by other Table Schema tools. */
  jpFormat?: 'postal-code' | 'phone' | 'era-date';
  constraints?: TableSchemaConstraints;
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  trueValues?: string[];
  falseValues?: string[];
  [property: string]: unknown;
}

/** A field's constraints. */
export interface TableSchemaConstraints {
  required?: boolean;
  unique?: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number | string;
  maximum?: number | string;
  enum?: (string | number | boolean)[];
  [property: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// What was read

/** What was read from one file. */
export interface InputInfo {
  name: string;
  /** Of the bytes as given; null only in an inspection whose caller has not handed the hash over. */
  sha256: string | null;
  bytes: number;
  /** As options name it (`utf-8-bom` too); a workbook's format (`xlsx`, `xls`, `xlsb`, `ods`). */
  encoding: string;
  /** The delimiter read; empty for a workbook. */
  delimiter: string;
  /** Data records, malformed ones included (header and blank records not counted). */
  rows: number;
  columns: string[];
  /** Header cells renamed because they were empty or repeated. */
  renamed_columns?: RenamedColumn[];
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** A workbook's sheets, in its order. */
  sheets?: string[];
  /** Records with only empty fields, skipped. */
  blank_records: number;
  /** The header's row as Excel numbers it (the line, in a CSV). */
  header_row: number;
  /** Lines that are not rows of the table: titles above the header, totals rows, notes after it. */
  skipped?: SkippedLine[];
  /** What Excel did to its columns: said, never undone. */
  damage?: Damage[];
}

/** A header cell renamed to keep column names unique and non-empty. */
export interface RenamedColumn {
  /** 1-based column position. */
  column: number;
  from: string;
  to: string;
}

/** A line that is not a row of the table. */
export interface SkippedLine {
  line: number;
  reason: SkippedReason;
  /** Its first filled cell (合計, 顧客一覧 2026年11月), shortened. */
  text: string;
  /** Where it is, as Excel names the line's first cell. */
  cell: string;
}

/** One kind of Excel damage found in one column. */
export interface Damage {
  column: string;
  kind: DamageKind;
  /** How many of the column's values show it. */
  count: number;
  /** The first few of them (at most five), in the file's order. */
  examples: DamageExample[];
}

/** One damaged value and where it is. */
export interface DamageExample {
  /** As findings number rows: 1 = the first data record. */
  row: number;
  /** The physical line it starts on. */
  line: number;
  /** As Excel names the cell: `D105`, `宛先!D105`. */
  cell: string;
  /** The value as the file holds it. */
  value: string;
  /** The value as it most probably was; absent for scientific notation. */
  restored?: string;
}

/** What a reconciliation read: both files. */
export interface Inputs {
  source: InputInfo;
  list: InputInfo;
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** The column pairs used and how each was found; columns left out of the comparison. */
export interface Mapping {
  /** How rows were paired. */
  pairing: DecidedPairing;
  key: MappedColumn[];
  /** With consensus pairing, the columns that voted (source names; a composite in one entry). */
  identities?: string[][];
  /** The keys weighed when the key was chosen automatically, in the order they were weighed. */
  key_candidates?: KeyCandidate[];
  columns: MappedColumn[];
  unmapped_source: string[];
  unmapped_list: string[];
}

/** A pair of columns, one in each file. */
export interface MappedColumn {
  source: string;
  list: string;
  kind: ColumnKind;
  mapped_by: MappedBy;
}

/** A key weighed: its columns, whether it is unique enough, and how many list rows it pairs. */
export interface KeyCandidate {
  source: string[];
  list: string[];
  /** Nearly unique in both files (judged on a sample). */
  unique: boolean;
  /** List rows sampled (all of them, up to 2,000). */
  sampled: number;
  /** Of those, how many it pairs; absent when it repeats or could not pair more than the key found. */
  found?: number;
  /** The list rows it would pair, from the sample (exact when every row was sampled). */
  pairs?: number;
  chosen: boolean;
}

// ---------------------------------------------------------------------------------------------
// Findings: a discriminated union on `kind`

/** Key in the source, in no list row. */
export interface MissingFinding {
  kind: 'missing';
  key: string[];
  source_row: number;
  source_cell?: string;
}

/** Key in the list, in no source row. */
export interface UnexpectedFinding {
  kind: 'unexpected';
  key: string[];
  list_row: number;
  list_cell?: string;
}

/** Key more than once in `file`: all its rows, and the rows with that key in the other file. */
export interface DuplicateFinding {
  kind: 'duplicate';
  file: Side;
  key: string[];
  rows: number[];
  other_rows: number[];
  /** The key's cell in each of `rows`. */
  cells?: string[];
}

/** Same key, a compared column differs after normalisation. */
export interface MismatchFinding {
  kind: 'mismatch';
  key: string[];
  column: string;
  list_column: string;
  source_value: string;
  list_value: string;
  source_row: number;
  list_row: number;
  source_cell?: string;
  list_cell?: string;
}

/** The list row's value belongs to exactly one other source record. */
export interface CrosswiredFinding {
  kind: 'crosswired';
  key: string[];
  column: string;
  list_column: string;
  source_value: string;
  list_value: string;
  belongs_to: string[];
  source_row: number;
  list_row: number;
  belongs_to_row: number;
  source_cell?: string;
  list_cell?: string;
}

/** A run of list rows whose `column` holds the value of the row `offset` rows above (< 0: below). */
export interface ShiftedFinding {
  kind: 'shifted';
  column: string;
  list_column: string;
  offset: number;
  /** The block's first and last list rows. */
  list_rows: [number, number];
  rows: number;
  /** The block's cells in the list: `D10:D25`. */
  list_cells?: string;
  /** The other columns that slid with it over the same rows. */
  with?: string[];
  /** Values the slide left in no row. */
  lost?: Lost[];
  /** Values the slide put on two rows. */
  doubled?: Doubled[];
  /** The block's first row: whose value it holds instead of its own. */
  example?: Misdirected;
}

/** A record that could not be used. */
export interface MalformedFinding {
  kind: 'malformed';
  file: Side;
  row: number;
  line: number;
  message: string;
  column?: string;
  /** The key's cell when the key is empty, else the record's first cell. */
  cell?: string;
}

/** A totals row (合計) whose figure in `column` is not the sum of the `rows` rows it totals. */
export interface TotalMismatchFinding {
  kind: 'total_mismatch';
  file: Side;
  /** The totals row's line (a workbook: its row on the sheet). */
  line: number;
  /** Its label as written: 合計, 小計, Total. */
  label: string;
  column: string;
  /** The figure as the row has it. */
  stated: string;
  /** The rows' sum. */
  sum: string;
  rows: number;
  cell?: string;
}

/** A data cell holding Excel's error value (`#N/A`, `#REF!`, `Err:502`), compared as it stands. */
export interface ErrorCellFinding {
  kind: 'error_cell';
  file: Side;
  row: number;
  line: number;
  column: string;
  value: string;
  cell: string;
}

/** A missing record and an unexpected row that are one customer whose key was mistyped by one `slip`. */
export interface NearMissFinding {
  kind: 'near_miss';
  key: string[];
  list_key: string[];
  /** The key column that was mistyped. */
  column: string;
  list_column: string;
  slip: Slip;
  /** The other identifying columns that match. */
  agree: string[];
  source_row: number;
  list_row: number;
  source_cell?: string;
  list_cell?: string;
}

/** A list row whose identifying columns point at two or more source records equally: not paired. */
export interface AmbiguousFinding {
  kind: 'ambiguous';
  key: string[];
  list_row: number;
  list_cell?: string;
  candidates: Candidate[];
}

/** One thing a person should look at; narrow it by `kind`. */
export type Finding =
  | MissingFinding
  | UnexpectedFinding
  | DuplicateFinding
  | MismatchFinding
  | CrosswiredFinding
  | ShiftedFinding
  | MalformedFinding
  | TotalMismatchFinding
  | ErrorCellFinding
  | NearMissFinding
  | AmbiguousFinding;

/** A source record's value that a slide left in no list row. */
export interface Lost {
  key: string[];
  source_row: number;
  /** The list row that should hold it. */
  list_row: number;
  value: string;
}

/** A source record's value that a slide put on two list rows: its own and one in the block. */
export interface Doubled {
  key: string[];
  value: string;
  list_rows: [number, number];
}

/** One row of a slid block: the customer it names, and the customer whose value it holds. */
export interface Misdirected {
  list_row: number;
  key: string[];
  value: string;
  belongs_to: string[];
  /** The list row where the value belongs. */
  belongs_to_list_row: number;
}

/** A source record an ambiguous list row could be, and the list columns that point at it. */
export interface Candidate {
  key: string[];
  source_row: number;
  columns: string[];
  /** Paired with (or repeated by) another list row: accounted for there. */
  taken: boolean;
}

// ---------------------------------------------------------------------------------------------
// Summary and report

/** Where each record of a file ended up: `rows = paired + unpaired + duplicate + malformed + skipped`. */
export interface Buckets {
  rows: number;
  /** Key found exactly once in each file: the rows were compared. */
  paired: number;
  /** Key not in the other file (missing / unexpected). */
  unpaired: number;
  /** Key repeated in this file or the other one: never paired arbitrarily. */
  duplicate: number;
  /** Unreadable as a record, or with an empty key. */
  malformed: number;
  /** Not rows of the table: titles, totals rows, notes (`inputs.*.skipped` lists them). */
  skipped: number;
}

/** How many findings of each kind. */
export type KindCounts = Record<FindingKind, number>;

/** Per compared column: how many findings of each column-level kind. */
export interface ColumnCounts {
  mismatch: number;
  crosswired: number;
  shifted: number;
}

/** Σ of a numeric column in each file over its readable rows; values that are not numbers are counted. */
export interface Total {
  source: number;
  list: number;
  difference: number;
  source_not_numbers: number;
  list_not_numbers: number;
}

/** A reconciliation's counts: every row of each file in one bucket, every finding by kind and column. */
export interface Summary {
  source: Buckets;
  list: Buckets;
  findings: KindCounts;
  /** By source column name. */
  columns: Record<string, ColumnCounts>;
  /** By source column name, for numeric columns. */
  totals: Record<string, Total>;
}

/** A reconciliation's report: what was read, the options used, the mapping, the summary, the findings. */
export interface Report {
  tool: Tool;
  inputs: Inputs;
  options: UsedOptions;
  mapping: Mapping;
  summary: Summary;
  findings: Finding[];
  /** True when `max_findings` cut the list; the summary still counts everything. */
  truncated: boolean;
  /** The list checked against `options.schema`, when one was given. */
  validation?: Validation;
}

/** What `openReconciliation(…).summary` is (the bindings' `Run.summary()`): the report without its findings. */
export interface ReconcileSummary {
  tool: Tool;
  inputs: Inputs;
  options: UsedOptions;
  mapping: Mapping;
  summary: Summary;
  findings: [];
  truncated: boolean;
  /** The list's validation summary when the options carried a schema (its findings are in `report()`). */
  validation?: { file: string; summary: ValidationSummary };
}

/** Which findings a page holds; parts left out match everything. */
export interface FindingFilter {
  /** Finding kinds to keep; empty or omitted: all. */
  kinds?: FindingKind[];
  /** Source column name (mismatch, crosswired, shifted findings). */
  column?: string;
  /** Text that must occur in the key, a value, a column name, a cell or a message (width and case folded). */
  search?: string;
}

/** One finding of a page, by its index in the report, with its sentence in both languages. */
export interface FindingItem {
  index: number;
  finding: Finding;
  text: Message;
}

/** A page of a reconciliation's findings: how many pass the filter, and the page's items. */
export interface FindingPage {
  total: number;
  items: FindingItem[];
}

/** A row of either file as read (the bindings' `Run.row()`): its header beside its cells. */
export interface SourceRow {
  header: string[];
  cells: string[];
}

// ---------------------------------------------------------------------------------------------
// Validation

/** A value that breaks a rule of its field. */
export interface InvalidIssue {
  kind: 'invalid';
  file: Side;
  row: number;
  line: number;
  column: string;
  value: string;
  rule: string;
  message: Message;
  /** The cell as Excel names it: `D105`, `宛先!D105`. */
  cell?: string;
}

/** A value (`unique`) or key (`primaryKey`) on more than one row: all the rows. */
export interface DuplicateIssue {
  kind: 'duplicate';
  file: Side;
  rule: string;
  columns: string[];
  key: string[];
  rows: number[];
  message: Message;
}

/** A record that could not be read as a row. */
export interface MalformedIssue {
  kind: 'malformed';
  file: Side;
  row: number;
  line: number;
  message: string;
  cell?: string;
}

/** A broken rule of a validation; narrow it by `kind`. */
export type Issue = InvalidIssue | DuplicateIssue | MalformedIssue;

/** How many validation findings of each kind. */
export type IssueCounts = Record<IssueKind, number>;

/** A validation's counts: `rows = valid_rows + invalid_rows + malformed_rows`. */
export interface ValidationSummary {
  /** Data records, malformed ones included. */
  rows: number;
  valid_rows: number;
  invalid_rows: number;
  malformed_rows: number;
  findings: IssueCounts;
  /** Per column, per rule: how many findings. */
  columns: Record<string, Record<string, number>>;
  /** Per rule: how many findings. */
  rules: Record<string, number>;
  /** Columns of the file that the schema does not describe (not checked). */
  unknown_columns: string[];
}

/** A file checked against a schema: the part a reconciliation's report carries as `validation`. */
export interface Validation {
  /** The file checked (its name as given). */
  file: string;
  summary: ValidationSummary;
  findings: Issue[];
  /** True when `max_findings` cut the list (the summary still counts everything). */
  truncated: boolean;
}

/** What `validate` reports (and `crosscheck validate --format json` prints): the file, the schema, what breaks it. */
export interface ValidationReport extends Validation {
  tool: Tool;
  input: InputInfo;
  /** The schema as given. */
  schema: TableSchema;
}

/** What `openValidation(…).summary` is (the bindings' `Checked.summary()`): the report without schema or findings. */
export interface ValidationHead {
  tool: Tool;
  input: InputInfo;
  /** The schema's name as given (`schemaName`). */
  schema_name: string;
  summary: ValidationSummary;
  findings: [];
}

/** Which of a validation's rows to return. */
export type RowPick = 'all' | 'passed' | 'failed';

/** One row of a validated file: its values cast as the schema says when it passed, its findings when not. */
export interface CheckedRow {
  /** As findings number rows: 1 = the first data record. */
  row: number;
  /** The physical line it starts on. */
  line: number;
  /** Whether it broke no rule. */
  ok: boolean;
  /** By field name: cast as the schema says when the row passed, the cells' text when it did
   * not; null for a malformed record, whose cells do not line up with the fields. */
  values: Record<string, CastValue> | null;
  /** A failed row's findings (the report's finding objects); absent when it passed. */
  findings?: Issue[];
}

/** A value cast as its field says: integer (digits as a string past ±(2^53 − 1)), number,
 * boolean, ISO text for dates and times, parsed JSON for object and array, text, or null. */
export type CastValue = string | number | boolean | null | { [key: string]: unknown } | unknown[];

// ---------------------------------------------------------------------------------------------
// Inspection and plan

/** What `inspect` tells about one file: how it was read, what each column holds, a preview. */
export interface Inspection {
  tool: Tool;
  input: InputInfo;
  malformed: MalformedRow[];
  columns: ColumnProfile[];
  /** The first few readable rows, as read. */
  preview: string[][];
  /** Each of `input.damage` in the core's words, at the same index (the bindings add it; the CLI's JSON has none). */
  damage_text: Message[];
}

/** A record `inspect` could not read as a row. */
export interface MalformedRow {
  row: number;
  line: number;
  message: string;
}

/** One column's profile and the normalisation it would get by default. */
export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  /** What its header says it is, when the header says. */
  role?: ColumnRole;
  /** Values looked at (non-empty). */
  sampled: number;
  /** Of those, how many were distinct (raw). */
  distinct: number;
  empty: number;
  normalize: Step[];
}

/** What a run would use, before running it (the bindings' `prepare`), with the pairing and each key weighed in words. */
export interface Prepared {
  inputs: Inputs;
  mapping: Mapping;
  options: UsedOptions;
  /** How rows will be paired, in the core's words. */
  pairing_text: Message;
  /** Each of `mapping.key_candidates` in the core's words, at the same index. */
  candidate_text: Message[];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary, progress, errors

/** The core's words for a front end's lists and progress bars; `auto` first where it is a choice. */
export interface Vocabulary {
  finding_kinds: FindingKind[];
  validation_kinds: IssueKind[];
  steps: Step[];
  encodings: string[];
  /** As the characters themselves (a TAB, not `\t`). */
  delimiters: string[];
  pairings: Pairing[];
  sides: Side[];
  progress: { reconcile: Span[]; reconcile_checked: Span[]; validate: Span[] };
}

/** One stage's part of a progress bar: it runs from `start` to `end` (0 to 1). */
export interface Span {
  stage: Stage;
  start: number;
  end: number;
}

/** How far a call is: its stage, and the share of the whole call done (0 to 1). */
export interface Progress {
  stage: Stage;
  fraction: number;
}

/** A refused request as the core reports it (`CrosscheckError.detail`): what, and where. */
export interface ErrorDetail {
  kind: ErrorKind;
  /** The file's name as given, or `source`/`list` when unnamed. */
  file?: string;
  /** Physical line (1 = header line). */
  line?: number;
  /** Data row (1 = first record after the header). */
  row?: number;
  /** Byte offset in the file, 0-based. */
  byte?: number;
  column?: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it. */
  hint?: string;
  remedy?: Remedy;
  /** The one-line text: `file: line L, row R, column "C": message (hint)`. */
  text: string;
}
