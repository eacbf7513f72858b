/**
 * The history the report reads, one compact row per registration, and how it is built from the
 * org's records (CSV exports or Bulk API 2.0 query results: both arrive as string records keyed by
 * API field name).
 */

export type Triage = 'AUTO_APPROVED' | 'NEEDS_REVIEW' | 'FLAGGED_CONFLICT';
export type Decision = 'APPROVED' | 'REJECTED';

export interface Recommendation {
  score: number;
  triage: Triage;
  /** Factor codes present, as indexes into the code table of the history. */
  codes: number[];
  /** Share of helpful fields given (0-1), read from the HELPFUL_FIELDS label. */
  helpfulShare: number;
  /** Highest similarity among the conflicts; null without conflicts. */
  conflictSimilarity: number | null;
  rulesetVersion: string;
  createdAt: number;
}

export interface HistoryRow {
  id: string;
  region: string;
  amount: number | null;
  submittedAt: number | null;
  decidedAt: number | null;
  decision: Decision | null;
  /** True won, false lost, null open or no opportunity. */
  won: boolean | null;
  rec: Recommendation | null;
  /** Set when the decision came from the recommendation's Human_Decision__c, not the status. */
  decidedBy?: 'recommendation';
}

export interface History {
  rows: HistoryRow[];
  /** Factor codes seen, indexed by Recommendation.codes. */
  codes: string[];
  /** Rows skipped and why (unparseable JSON, unknown statuses), with counts. */
  warnings: Map<string, number>;
  /** Scoring outcomes by ruleset version from the audit log (optional input). */
  auditOutcomes: Map<string, Map<string, number>>;
}

/** The tables and the columns read from each. Names are the API names the exports carry. */
export const TABLES = {
  registrations: {
    object: 'Deal_Registration__c',
    file: 'Deal_Registration__c.csv',
    required: ['Id', 'Status__c', 'Submitted_At__c', 'Decided_At__c', 'Deal_Value__c', 'Customer_Region__c'],
    optional: ['Converted_Opportunity__c']
  },
  recommendations: {
    object: 'AI_Recommendation__c',
    file: 'AI_Recommendation__c.csv',
    required: [
      'Deal_Registration__c',
      'CreatedDate',
      'Score__c',
      'Triage_Status__c',
      'Factors_JSON__c',
      'Conflicts_JSON__c',
      'Ruleset_Version__c'
    ],
    optional: ['Human_Decision__c']
  },
  opportunities: {
    object: 'Opportunity',
    file: 'Opportunity.csv',
    required: ['Id', 'IsClosed', 'IsWon'],
    optional: []
  },
  auditLogs: {
    object: 'AI_Audit_Log__c',
    file: 'AI_Audit_Log__c.csv',
    required: ['Event_Type__c', 'Outcome__c', 'Ruleset_Version__c'],
    optional: []
  }
} as const;

export type TableName = keyof typeof TABLES;
export type StringRecord = Record<string, string | null | undefined>;

/** Thrown when an input lacks columns; names the table and every missing column. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function checkColumns(table: TableName, columns: readonly string[], source: string): void {
  const missing = TABLES[table].required.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new InputError(
      `${source} lacks column(s) ${missing.join(', ')} (${TABLES[table].object} needs ${TABLES[table].required.join(', ')})`
    );
}

const APPROVED_STATUSES = new Set(['Approved', 'Expired']);
const REJECTED_STATUSES = new Set(['Rejected']);

function time(v: string | null | undefined): number | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

function num(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const truthy = (v: string | null | undefined) => v === 'true' || v === 'TRUE' || v === '1';

/** Builds the history incrementally; feed tables in any order, then call finish(). */
export class HistoryBuilder {
  private readonly byId = new Map<string, HistoryRow>();
  /** Registrations whose opportunity had not been read yet (normally none: opportunities come first). */
  private readonly oppOf = new Map<string, string>();
  private readonly interned = new Map<string, string>();
  private readonly outcomes = new Map<string, boolean | null>();
  private readonly pendingRecs = new Map<string, { rec: Recommendation; humanDecision: Decision | null }>();
  private readonly codeIndex = new Map<string, number>();
  readonly codes: string[] = [];
  readonly warnings = new Map<string, number>();
  readonly auditOutcomes = new Map<string, Map<string, number>>();

  private warn(what: string): void {
    this.warnings.set(what, (this.warnings.get(what) ?? 0) + 1);
  }

  /** One copy of each repeated value (regions, ruleset versions) instead of one per row. */
  private intern(v: string): string {
    const known = this.interned.get(v);
    if (known !== undefined) return known;
    this.interned.set(v, v);
    return v;
  }

  private code(c: string): number {
    let i = this.codeIndex.get(c);
    if (i === undefined) {
      i = this.codes.length;
      this.codes.push(c);
      this.codeIndex.set(c, i);
    }
    return i;
  }

  addRegistration(r: StringRecord): void {
    const id = r.Id;
    if (!id) return this.warn('registration without Id');
    const status = r.Status__c ?? '';
    const decision: Decision | null = APPROVED_STATUSES.has(status)
      ? 'APPROVED'
      : REJECTED_STATUSES.has(status)
        ? 'REJECTED'
        : null;
    const row: HistoryRow = {
      id,
      region: this.intern(r.Customer_Region__c || 'UNKNOWN'),
      amount: num(r.Deal_Value__c),
      submittedAt: time(r.Submitted_At__c),
      decidedAt: decision ? time(r.Decided_At__c) : null,
      decision,
      won: null,
      rec: null
    };
    this.byId.set(id, row);
    const opp = r.Converted_Opportunity__c;
    if (opp) {
      if (this.outcomes.has(opp)) row.won = this.outcomes.get(opp) ?? null;
      else this.oppOf.set(id, opp);
    }
    const pending = this.pendingRecs.get(id);
    if (pending) {
      this.pendingRecs.delete(id);
      this.attach(row, pending.rec, pending.humanDecision);
    }
  }

  private attach(row: HistoryRow, rec: Recommendation, humanDecision: Decision | null): void {
    // The latest recommendation of a deal is the one the human saw last.
    if (row.rec && row.rec.createdAt > rec.createdAt) return;
    row.rec = rec;
    if (humanDecision && (!row.decision || row.decidedBy === 'recommendation')) {
      row.decision = humanDecision;
      row.decidedAt = rec.createdAt;
      row.decidedBy = 'recommendation';
    }
  }

  addRecommendation(r: StringRecord): void {
    const dealId = r.Deal_Registration__c;
    const score = num(r.Score__c);
    const triage = r.Triage_Status__c as Triage;
    const createdAt = time(r.CreatedDate);
    if (!dealId || score === null || createdAt === null)
      return this.warn('recommendation without deal, score or date');
    if (triage !== 'AUTO_APPROVED' && triage !== 'NEEDS_REVIEW' && triage !== 'FLAGGED_CONFLICT')
      return this.warn(`recommendation with unknown triage "${String(triage)}"`);
    let factors: { code?: unknown; label?: unknown }[];
    let conflicts: { similarity?: unknown }[];
    try {
      factors = JSON.parse(r.Factors_JSON__c || '[]') as typeof factors;
      conflicts = JSON.parse(r.Conflicts_JSON__c || '[]') as typeof conflicts;
      if (!Array.isArray(factors) || !Array.isArray(conflicts)) throw new Error('not arrays');
    } catch {
      return this.warn('recommendation whose Factors_JSON__c or Conflicts_JSON__c is not a JSON array');
    }
    const codes: number[] = [];
    let helpfulShare = 0;
    for (const f of factors) {
      if (typeof f.code !== 'string') continue;
      codes.push(this.code(f.code));
      if (f.code === 'HELPFUL_FIELDS' && typeof f.label === 'string') {
        const m = /(\d+) of (\d+) helpful/.exec(f.label);
        if (m && Number(m[2]) > 0) helpfulShare = Number(m[1]) / Number(m[2]);
      }
    }
    let sim: number | null = null;
    for (const c of conflicts) if (typeof c.similarity === 'number') sim = Math.max(sim ?? 0, c.similarity);
    const rec: Recommendation = {
      score,
      triage,
      codes,
      helpfulShare,
      conflictSimilarity: sim,
      rulesetVersion: this.intern(r.Ruleset_Version__c || 'unknown'),
      createdAt
    };
    const hd: Decision | null =
      r.Human_Decision__c === 'Approved'
        ? 'APPROVED'
        : r.Human_Decision__c === 'Rejected'
          ? 'REJECTED'
          : null;
    const row = this.byId.get(dealId);
    if (row) return this.attach(row, rec, hd);
    // Registration not read yet: keep the latest until it arrives.
    const prev = this.pendingRecs.get(dealId);
    if (!prev || prev.rec.createdAt <= createdAt) this.pendingRecs.set(dealId, { rec, humanDecision: hd });
  }

  addOpportunity(r: StringRecord): void {
    if (!r.Id) return this.warn('opportunity without Id');
    this.outcomes.set(r.Id, truthy(r.IsWon) ? true : truthy(r.IsClosed) ? false : null);
  }

  /** Call when no more registrations will come: frees what only joining needed. */
  registrationsDone(): void {
    for (const [dealId, opp] of this.oppOf) {
      const row = this.byId.get(dealId);
      if (row && this.outcomes.has(opp)) {
        row.won = this.outcomes.get(opp) ?? null;
        this.oppOf.delete(dealId);
      }
    }
    if (this.oppOf.size === 0) this.outcomes.clear();
  }

  addAuditLog(r: StringRecord): void {
    const version = r.Ruleset_Version__c || 'none';
    const outcome = r.Outcome__c || 'unknown';
    let m = this.auditOutcomes.get(version);
    if (!m) this.auditOutcomes.set(version, (m = new Map()));
    m.set(outcome, (m.get(outcome) ?? 0) + 1);
  }

  finish(): History {
    if (this.pendingRecs.size > 0) {
      const what = 'recommendation whose registration is not in the registrations input';
      this.warnings.set(what, (this.warnings.get(what) ?? 0) + this.pendingRecs.size);
    }
    this.pendingRecs.clear();
    for (const [dealId, oppId] of this.oppOf) {
      const row = this.byId.get(dealId);
      if (row) row.won = this.outcomes.get(oppId) ?? null;
    }
    this.oppOf.clear();
    this.outcomes.clear();
    return {
      rows: [...this.byId.values()],
      codes: this.codes,
      warnings: this.warnings,
      auditOutcomes: this.auditOutcomes
    };
  }
}
