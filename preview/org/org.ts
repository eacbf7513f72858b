/**
 * An in-memory Salesforce org for the preview: the registrations, partners and users the Apex
 * controllers read, seeded from `data/`, with the same rules the Apex code applies (who sees
 * what, which status may follow which, what the partner is told). Scoring, precheck, parse and
 * status answers come from the real scoring function (ScoringFunction), called where Apex calls
 * out. Messages users read are the project's custom labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readLabels, ROOT } from '../build';
import { ScoringFunction, ScoringUnavailable } from './scoring';
import { VOCABULARY } from '../../functions/deal-scoring/src/vocabulary';
import { assignReview } from './routing';

// ---------------------------------------- statuses and regions (vocabulary/vocabulary.json, as DealStatus.cls)
export const STATUS = VOCABULARY.registrationStatus.values;
const statusesOf = (keys: readonly (keyof typeof STATUS)[]) => new Set<string>(keys.map((k) => STATUS[k]));
const REVIEWABLE = statusesOf(VOCABULARY.registrationStatus.groups.REVIEWABLE);
const DECIDED = statusesOf(VOCABULARY.registrationStatus.groups.DECIDED);
const WITHDRAWABLE = new Set<string>([
  STATUS.DRAFT,
  STATUS.SUBMITTED,
  STATUS.SCORING,
  STATUS.IN_REVIEW,
  STATUS.CONFLICT_REVIEW,
  STATUS.MORE_INFO_REQUESTED,
  STATUS.APPROVED
]);
const MAX_EXTENSIONS = 1;
const SMALL_DEAL_LIMIT = 50000;
const REGIONS: readonly string[] = VOCABULARY.regions;
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'gmx.de',
  'web.de'
]);

/** A user-facing failure: the controller's AuraHandledException. */
export class AuraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuraError';
  }
}

export type Role = 'partner' | 'manager';
export interface User {
  id: string;
  name: string;
  role: Role;
  accountId?: string;
  /** Persona key used by the preview's persona switch. */
  persona: string;
}

export interface Account {
  id: string;
  name: string;
  type: string;
  website?: string;
  industry?: string;
  tier?: string;
  certifications?: number;
}

export interface Recommendation {
  requestId: string;
  score: number;
  triage: string;
  confidence: string;
  recommendedAction: string;
  rationale: string;
  factors: { code: string; category: string; label: string; points: number; detail: string }[];
  conflicts: {
    candidateId: string;
    kind: string;
    similarity: number;
    reasons: string[];
    deal?: { score: number; sameDeal: boolean; reasons: string[]; candidate: { products?: string[] } };
  }[];
  missingFields: string[];
  modelVersion: string;
  rulesetVersion: string;
  shadowMode: boolean;
  applied: boolean;
  fallback: boolean;
  humanDecision?: string;
  overridden: boolean;
  overrideReason?: string;
  createdDate: string;
}

export interface AuditEntry {
  id: string;
  name: string;
  dealId: string;
  eventType: string;
  actorName: string;
  outcome: string;
  detail: string;
  modelVersion?: string;
  rulesetVersion?: string;
  latencyMs?: number;
  createdDate: string;
}

export interface Registration {
  id: string;
  name: string;
  partnerAccountId: string;
  status: string;
  source: string;
  customerName?: string;
  customerWebsite?: string;
  customerCountry?: string;
  customerRegion?: string;
  customerIndustry?: string;
  customerEmployees?: number;
  opportunityName?: string;
  dealValue?: number;
  dealCurrency?: string;
  expectedCloseDate?: string;
  products?: string;
  description?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  contactTitle?: string;
  partnerResponse?: string;
  partnerMessage?: string;
  decisionReason?: string;
  submittedAt?: string;
  decidedAt?: string;
  protectionStartsOn?: string;
  protectionExpiresOn?: string;
  extensionRequested: boolean;
  extensionReason?: string;
  extensionCount: number;
  assignedReviewerId?: string;
  /** Routing (preview/org/routing.ts): the rule that assigned the review, its queue, due time, escalation level. */
  routingRule?: string;
  routingQueue?: string;
  reviewDueAt?: string;
  escalationLevel?: number;
  potentialConflict: boolean;
  recommendation?: Recommendation;
  createdDate: string;
  lastModifiedDate: string;
  history: { at: string; status: string; message?: string }[];
}

export interface Settings {
  reviewThreshold: number;
  conflictThreshold: number;
  shadowMode: boolean;
  highValueAmount: number;
  protectionDays: number;
  candidateLimit: number;
  reviewSlaHours: number;
  extensionDays: number;
  exclusivity: string;
}

/** Deal_Scoring_Setting.Default from the custom metadata record the package ships. */
export function readSettings(): Settings {
  const file = join(ROOT, 'force-app/main/default/customMetadata/Deal_Scoring_Setting.Default.md-meta.xml');
  const doc = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (n) => n === 'values'
  }).parse(readFileSync(file, 'utf8')) as { CustomMetadata: { values: { field: string; value: string }[] } };
  const v = new Map(doc.CustomMetadata.values.map((x) => [x.field, String(x.value)]));
  const num = (field: string): number => {
    const raw = v.get(field);
    if (raw === undefined || Number.isNaN(Number(raw)))
      throw new Error(`setting ${field} missing or not a number`);
    return Number(raw);
  };
  return {
    reviewThreshold: num('Review_Threshold__c'),
    conflictThreshold: num('Conflict_Threshold__c'),
    shadowMode: v.get('Shadow_Mode__c') === 'true',
    highValueAmount: num('High_Value_Amount__c'),
    protectionDays: num('Protection_Days__c'),
    candidateLimit: num('Candidate_Limit__c'),
    reviewSlaHours: num('Review_SLA_Hours__c'),
    extensionDays: num('Extension_Days__c'),
    exclusivity: v.get('Exclusivity__c') ?? 'CUSTOMER'
  };
}

function clean(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

export function domainOf(value: string | undefined): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  const host = v.includes('@')
    ? v.slice(v.lastIndexOf('@') + 1)
    : v.replace(/^[a-z]+:\/\//i, '').split(/[/?#:]/)[0];
  const d = (host ?? '').toLowerCase().replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d) ? d : undefined;
}

function splitProducts(products: string | undefined): string[] {
  return (products ?? '')
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .slice(0, 50);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

function validDate(value: string | undefined): string | undefined {
  const v = clean(value);
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === v ? v : undefined;
}

export type OrgEvent = { channel: string; payload: Record<string, unknown> };

export interface ScoreResult {
  dealId: string;
  confidenceScore: number;
  triageStatus: string;
  confidence: string;
  recommendedAction: string;
  factors: Recommendation['factors'];
  conflicts: Recommendation['conflicts'];
  missingFields: string[];
  rationale: string;
  partnerMessage: string;
  modelVersion: string;
  rulesetVersion: string;
  explanation: { engine: string; fallback: boolean };
}

export class PreviewOrg {
  readonly labels = readLabels();
  readonly settings: Settings;
  readonly accounts = new Map<string, Account>();
  readonly users = new Map<string, User>();
  readonly registrations = new Map<string, Registration>();
  readonly audit: AuditEntry[] = [];
  readonly scoring = new ScoringFunction();
  private readonly listeners = new Set<(e: OrgEvent) => void>();
  private readonly pending = new Set<Promise<void>>();
  private counter = 0;
  private auditCounter = 0;
  /** The clock; tests may move it. */
  now: () => Date = () => new Date();

  constructor(settings: Partial<Settings> = {}) {
    this.settings = { ...readSettings(), ...settings };
  }

  /** Starts the scoring function and loads data/ (registrations marked Submitted are scored). */
  async start(): Promise<void> {
    await this.scoring.start();
    this.seed();
    for (const r of [...this.registrations.values()].filter((x) => x.status === STATUS.SUBMITTED)) {
      await this.score(r);
    }
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.scoring.stop();
  }

  /** Resolves when every scoring run started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  onEvent(listener: (e: OrgEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(channel: string, payload: Record<string, unknown>): void {
    for (const l of this.listeners) l({ channel, payload });
  }

  label(name: string, ...args: unknown[]): string {
    const template = this.labels.get(name);
    if (template === undefined) throw new Error(`custom label ${name} is not defined`);
    return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));
  }

  // ---------------------------------------------------------------- seed
  private seed(): void {
    const refs = new Map<string, string>();
    const accounts = JSON.parse(readFileSync(join(ROOT, 'data/Account.json'), 'utf8')) as {
      records: Record<string, unknown>[];
    };
    const tiers: Record<string, { tier: string; certifications: number }> = {
      PartnerNorthwind: { tier: 'GOLD', certifications: 3 },
      PartnerBlueRiver: { tier: 'SILVER', certifications: 1 }
    };
    let n = 0;
    for (const a of accounts.records) {
      const ref = String((a.attributes as { referenceId: string }).referenceId);
      const id = `001PV${String(++n).padStart(10, '0')}AAA`;
      refs.set(`@${ref}`, id);
      this.accounts.set(id, {
        id,
        name: String(a.Name),
        type: String(a.Type ?? ''),
        website: clean(a.Website),
        industry: clean(a.Industry),
        ...(tiers[ref] ?? {})
      });
    }
    const partner = (ref: string): string => {
      const id = refs.get(ref);
      if (!id) throw new Error(`data/: unknown account reference ${ref}`);
      return id;
    };
    const addUser = (u: User) => this.users.set(u.id, u);
    addUser({
      id: '005PV0000000001AAA',
      name: 'Nora Lind',
      role: 'partner',
      accountId: partner('@PartnerNorthwind'),
      persona: 'northwind'
    });
    addUser({
      id: '005PV0000000002AAA',
      name: 'Ben Carter',
      role: 'partner',
      accountId: partner('@PartnerBlueRiver'),
      persona: 'blueriver'
    });
    addUser({ id: '005PV0000000003AAA', name: 'Morgan Reyes', role: 'manager', persona: 'manager' });
    addUser({ id: '005PV0000000004AAA', name: 'Riley Chen', role: 'manager', persona: 'reviewer' });

    const deals = JSON.parse(readFileSync(join(ROOT, 'data/Deal_Registration__c.json'), 'utf8')) as {
      records: Record<string, unknown>[];
    };
    const created = addDays(this.now(), -3).toISOString();
    for (const d of deals.records) {
      const r = this.newRegistration(partner(String(d.Partner_Account__c)), created);
      Object.assign(r, {
        customerName: clean(d.Customer_Name__c),
        customerWebsite: clean(d.Customer_Website__c),
        customerCountry: clean(d.Customer_Country__c),
        customerRegion: clean(d.Customer_Region__c),
        customerIndustry: clean(d.Customer_Industry__c),
        customerEmployees:
          d.Customer_Employees__c === undefined ? undefined : Number(d.Customer_Employees__c),
        opportunityName: clean(d.Opportunity_Name__c),
        dealValue: d.Deal_Value__c === undefined ? undefined : Number(d.Deal_Value__c),
        dealCurrency: clean(d.Deal_Currency__c),
        expectedCloseDate: clean(d.Expected_Close_Date__c),
        products: clean(d.Products__c),
        description: clean(d.Description__c),
        contactName: clean(d.Contact_Name__c),
        contactEmail: clean(d.Contact_Email__c),
        contactPhone: clean(d.Contact_Phone__c),
        contactTitle: clean(d.Contact_Title__c),
        source: clean(d.Source__c) ?? 'Portal',
        status: clean(d.Status__c) ?? STATUS.DRAFT
      });
      if (r.status === STATUS.SUBMITTED) {
        // Seeded submissions are a day old, so the queue shows ages.
        r.submittedAt = addDays(this.now(), -1 - this.registrations.size * 0.4).toISOString();
        r.history.push({ at: r.submittedAt, status: STATUS.SUBMITTED });
      }
    }
  }

  private newRegistration(partnerAccountId: string, createdDate = this.now().toISOString()): Registration {
    this.counter += 1;
    const id = `a01PV${String(this.counter).padStart(10, '0')}AAA`;
    const r: Registration = {
      id,
      name: `DR-${String(this.counter).padStart(6, '0')}`,
      partnerAccountId,
      status: STATUS.DRAFT,
      source: 'Portal',
      extensionRequested: false,
      extensionCount: 0,
      potentialConflict: false,
      createdDate,
      lastModifiedDate: createdDate,
      history: [{ at: createdDate, status: STATUS.DRAFT }]
    };
    this.registrations.set(id, r);
    return r;
  }

  // ---------------------------------------------------------------- identity
  userByPersona(persona: string): User {
    for (const u of this.users.values()) if (u.persona === persona) return u;
    throw new AuraError(`no preview persona "${persona}"`);
  }

  partnerAccountId(user: User): string {
    if (user.role !== 'partner' || !user.accountId)
      throw new AuraError(this.label('DR_Portal_Apex_Not_Partner'));
    return user.accountId;
  }

  requireManager(user: User): void {
    if (user.role !== 'manager') throw new AuraError(this.label('DR_Apex_Not_Manager'));
  }

  /** The partner's own registration; the same answer whether it is missing or another company's. */
  own(user: User, id: unknown): Registration {
    const accountId = this.partnerAccountId(user);
    const r = typeof id === 'string' ? this.registrations.get(id) : undefined;
    if (!r || r.partnerAccountId !== accountId) throw new AuraError(this.label('DR_Portal_Apex_Not_Found'));
    return r;
  }

  setStatus(r: Registration, status: string, message?: string): void {
    r.status = status;
    r.lastModifiedDate = this.now().toISOString();
    r.history.push({ at: r.lastModifiedDate, status, ...(message ? { message } : {}) });
  }

  addAudit(
    dealId: string,
    eventType: string,
    outcome: string,
    detail: string,
    actor: string,
    rec?: Recommendation
  ): void {
    this.auditCounter += 1;
    this.audit.push({
      id: `a02PV${String(this.auditCounter).padStart(10, '0')}AAA`,
      name: `LOG-${String(this.auditCounter).padStart(6, '0')}`,
      dealId,
      eventType,
      actorName: actor,
      outcome,
      detail,
      modelVersion: rec?.modelVersion,
      rulesetVersion: rec?.rulesetVersion,
      createdDate: this.now().toISOString()
    });
  }

  // ---------------------------------------------------------------- scoring (queueable + write-back)
  /** Partner statistics as PartnerStatsSelector builds them. */
  partnerStats(accountId: string): Record<string, unknown> {
    const a = this.accounts.get(accountId);
    const own = [...this.registrations.values()].filter((r) => r.partnerAccountId === accountId);
    const decided = own.filter((r) => DECIDED.has(r.status));
    const approved = decided.filter((r) => r.status === STATUS.APPROVED).length;
    const since = addDays(this.now(), -90).toISOString();
    const values = own.map((r) => r.dealValue).filter((v): v is number => typeof v === 'number');
    return {
      id: accountId,
      ...(a?.tier ? { tier: a.tier } : {}),
      ...(decided.length > 0 ? { winRate: approved / decided.length } : {}),
      decidedCount: decided.length,
      certifications: a?.certifications ?? 0,
      registrationsLast90Days: own.filter((r) => r.submittedAt && r.submittedAt >= since).length,
      ...(values.length > 0 ? { averageDealSize: values.reduce((x, y) => x + y, 0) / values.length } : {}),
      // The seeded partners are established partners of the program.
      firstTime: false
    };
  }

  /** The org's products (ProductCatalogSelector): here, every product a seeded registration names. */
  catalog(): { name: string }[] {
    const names = new Set<string>();
    for (const r of this.registrations.values()) for (const p of splitProducts(r.products)) names.add(p);
    return [...names].sort().map((name) => ({ name: name.slice(0, 255) }));
  }

  /** Other companies' and own registrations, and customer accounts, as DealCandidateSelector offers them. */
  candidatesFor(r: Registration | undefined): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const c of this.registrations.values()) {
      if (r && c.id === r.id) continue;
      if (c.status === STATUS.DRAFT || c.status === STATUS.WITHDRAWN || !c.customerName) continue;
      const domain = domainOf(c.customerWebsite);
      const products = splitProducts(c.products);
      out.push({
        id: c.id,
        kind: 'registration',
        name: c.customerName.slice(0, 255),
        ...(domain ? { domain } : {}),
        partnerId: c.partnerAccountId,
        status: c.status,
        ...(c.customerRegion ? { region: c.customerRegion } : {}),
        ...(products.length ? { products } : {}),
        ...(c.dealValue !== undefined ? { amount: c.dealValue } : {}),
        // The candidate's deal, as DealCandidateSelector sends it (DealRequestMapper.addDealDetails).
        ...(c.opportunityName ? { opportunityName: c.opportunityName.trim().slice(0, 120) } : {}),
        ...(c.description?.trim() ? { description: c.description.trim().slice(0, 1000) } : {}),
        ...(validDate(c.expectedCloseDate) ? { closeDate: validDate(c.expectedCloseDate) } : {}),
        ...(c.customerCountry ? { country: c.customerCountry.slice(0, 80) } : {}),
        createdAt: c.createdDate.replace(/\.\d{3}Z$/, 'Z'),
        lastActivityAt: c.lastModifiedDate.replace(/\.\d{3}Z$/, 'Z')
      });
    }
    for (const a of this.accounts.values()) {
      if (a.type === 'Partner') continue;
      const domain = domainOf(a.website);
      out.push({ id: a.id, kind: 'account', name: a.name, ...(domain ? { domain } : {}) });
    }
    return out.slice(0, this.settings.candidateLimit);
  }

  private dealPayload(r: Registration): Record<string, unknown> {
    const customer: Record<string, unknown> = {};
    const put = (o: Record<string, unknown>, k: string, v: unknown) => {
      if (v !== undefined && v !== null && v !== '') o[k] = v;
    };
    put(customer, 'name', r.customerName);
    put(customer, 'website', r.customerWebsite);
    put(customer, 'domain', domainOf(r.customerWebsite));
    put(customer, 'country', r.customerCountry);
    put(
      customer,
      'region',
      r.customerRegion && REGIONS.includes(r.customerRegion) ? r.customerRegion : undefined
    );
    put(customer, 'industry', r.customerIndustry);
    put(customer, 'employees', r.customerEmployees);
    const opportunity: Record<string, unknown> = {};
    put(opportunity, 'name', r.opportunityName);
    put(opportunity, 'amount', r.dealValue);
    put(opportunity, 'currency', r.dealCurrency);
    put(opportunity, 'closeDate', validDate(r.expectedCloseDate));
    put(opportunity, 'description', r.description);
    const products = splitProducts(r.products);
    if (products.length) opportunity.products = products;
    const contact: Record<string, unknown> = {};
    put(contact, 'name', r.contactName);
    put(contact, 'email', r.contactEmail);
    put(contact, 'phone', r.contactPhone);
    put(contact, 'title', r.contactTitle);
    return {
      id: r.id,
      ...(r.submittedAt ? { submittedAt: r.submittedAt.replace(/\.\d{3}Z$/, 'Z') } : {}),
      partner: this.partnerStats(r.partnerAccountId),
      customer,
      opportunity,
      ...(Object.keys(contact).length ? { contact } : {}),
      candidates: this.candidatesFor(r)
    };
  }

  /** Scores one submitted registration and writes the result back (DealScoringWriteBack + DealRoutingService). */
  async score(r: Registration): Promise<void> {
    const requestKey = `${r.id}-${r.submittedAt ? Date.parse(r.submittedAt) : 0}`;
    this.setStatus(r, STATUS.SCORING);
    const s = this.settings;
    let result: ScoreResult | undefined;
    try {
      const response = await this.scoring.post<{ results: ScoreResult[] }>('/v1/score', {
        requestId: `DS-${requestKey}`,
        settings: {
          reviewThreshold: s.reviewThreshold,
          conflictThreshold: s.conflictThreshold,
          highValueAmount: s.highValueAmount,
          protectionDays: s.protectionDays,
          asOf: isoDate(this.now()),
          exclusivity: s.exclusivity
        },
        ...(this.catalog().length ? { catalog: this.catalog() } : {}),
        deals: [this.dealPayload(r)]
      });
      result = response.results.find((x) => x.dealId === r.id);
      if (!result) throw new ScoringUnavailable('no result for the deal');
    } catch (e) {
      if (!(e instanceof ScoringUnavailable)) throw e;
      this.addAudit(r.id, 'SCORING_FAILED', 'FAILURE', e.message, 'Automated Process');
      r.partnerMessage = this.label('DR_Apex_Scoring_Unavailable');
      this.setStatus(r, STATUS.IN_REVIEW);
      assignReview(this, r);
      this.publish('/event/Deal_Scored__e', { Deal_Registration_Id__c: r.id, Status__c: r.status });
      return;
    }
    const conflict = result.triageStatus === 'FLAGGED_CONFLICT' || result.conflicts.length > 0;
    let status: string = conflict ? STATUS.CONFLICT_REVIEW : STATUS.IN_REVIEW;
    let autoApprove = false;
    if (!s.shadowMode) {
      const partner = this.partnerStats(r.partnerAccountId);
      autoApprove =
        result.triageStatus === 'AUTO_APPROVED' &&
        r.dealValue !== undefined &&
        r.dealValue < s.highValueAmount &&
        partner.firstTime === false &&
        !conflict;
      if (autoApprove) status = STATUS.APPROVED;
    }
    r.recommendation = {
      requestId: requestKey,
      score: result.confidenceScore,
      triage: result.triageStatus,
      confidence: result.confidence,
      recommendedAction: result.recommendedAction,
      rationale: result.rationale,
      factors: result.factors,
      conflicts: result.conflicts,
      missingFields: result.missingFields,
      modelVersion: result.modelVersion,
      rulesetVersion: result.rulesetVersion,
      shadowMode: s.shadowMode,
      applied: autoApprove,
      fallback: result.explanation.fallback,
      overridden: false,
      createdDate: this.now().toISOString()
    };
    r.potentialConflict = conflict;
    r.partnerMessage = result.partnerMessage || this.label('DR_Apex_In_Review');
    this.addAudit(
      r.id,
      'SCORING_REQUESTED',
      'SUCCESS',
      `score ${result.confidenceScore}, ${result.triageStatus}, ${result.recommendedAction}`,
      'Automated Process',
      r.recommendation
    );
    if (autoApprove) this.approve(r, 'Auto-approved by the scoring rules');
    else {
      this.setStatus(r, status);
      assignReview(this, r);
    }
    this.publish('/event/Deal_Scored__e', { Deal_Registration_Id__c: r.id, Status__c: r.status });
  }

  /** Starts scoring after the current request, as the platform event + queueable do. */
  scoreLater(r: Registration): void {
    const run = new Promise<void>((resolve) => setTimeout(resolve, 150))
      .then(() => this.score(r))
      .catch((e: unknown) => console.error('preview org: scoring failed', e));
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  approve(r: Registration, reason: string): void {
    const today = this.now();
    const expires = isoDate(addDays(today, this.settings.protectionDays));
    r.decisionReason = reason;
    r.decidedAt = today.toISOString();
    r.protectionStartsOn = isoDate(today);
    r.protectionExpiresOn = expires;
    r.partnerMessage = this.label('DR_Apex_Approved', expires);
    this.setStatus(r, STATUS.APPROVED, r.partnerMessage);
  }

  // ---------------------------------------------------------------- partner portal
  static canEdit(status: string): boolean {
    return status === STATUS.DRAFT || status === STATUS.MORE_INFO_REQUESTED;
  }

  toPortalDto(r: Registration): DealPortalRegistration {
    const canEdit = PreviewOrg.canEdit(r.status);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      customerName: r.customerName ?? null,
      customerWebsite: r.customerWebsite ?? null,
      customerCountry: r.customerCountry ?? null,
      customerRegion: r.customerRegion ?? null,
      customerIndustry: r.customerIndustry ?? null,
      customerEmployees: r.customerEmployees ?? null,
      opportunityName: r.opportunityName ?? null,
      dealValue: r.dealValue ?? null,
      dealCurrency: r.dealCurrency ?? null,
      expectedCloseDate: r.expectedCloseDate ?? null,
      products: r.products ?? null,
      description: r.description ?? null,
      contactName: r.contactName ?? null,
      contactEmail: r.contactEmail ?? null,
      contactPhone: r.contactPhone ?? null,
      contactTitle: r.contactTitle ?? null,
      partnerResponse: r.partnerResponse ?? null,
      submittedAt: r.submittedAt ?? null,
      decidedAt: r.decidedAt ?? null,
      protectionStartsOn: r.protectionStartsOn ?? null,
      protectionExpiresOn: r.protectionExpiresOn ?? null,
      partnerMessage: r.partnerMessage ?? null,
      extensionRequested: r.extensionRequested,
      extensionCount: r.extensionCount,
      lastModifiedDate: r.lastModifiedDate,
      canEdit,
      canSubmit: canEdit,
      canRespond: r.status === STATUS.MORE_INFO_REQUESTED,
      canWithdraw: r.status !== STATUS.WITHDRAWN && WITHDRAWABLE.has(r.status),
      canRequestExtension:
        r.status === STATUS.APPROVED && !r.extensionRequested && r.extensionCount < MAX_EXTENSIONS
    };
  }

  fieldLabel(field: string): string {
    return this.fieldLabels.get(field) ?? field;
  }
  readonly fieldLabels = new Map<string, string>([
    ['customerName', 'Customer Name'],
    ['contactName', 'Contact Name'],
    ['expectedCloseDate', 'Expected Close Date'],
    ['partnerResponse', 'Partner Response'],
    ['contactEmail', 'Contact Email'],
    ['customerWebsite', 'Customer Website'],
    ['dealCurrency', 'Deal Currency'],
    ['customerRegion', 'Customer Region'],
    ['dealValue', 'Deal Value'],
    ['customerEmployees', 'Customer Employees']
  ]);

  /** validateFormats: the errors the portal controller raises before any save. */
  validateFormats(d: DealPortalDraft, lengths: Record<string, number | null>): void {
    const errors: string[] = [];
    const check = (key: keyof DealPortalDraft, field: string) => {
      const v = clean(d[key]);
      const max = lengths[field];
      if (v !== undefined && typeof max === 'number' && v.length > max) {
        errors.push(this.label('DR_Portal_Apex_Too_Long', this.fieldLabel(key), max));
      }
    };
    check('customerName', 'Customer_Name__c');
    check('customerWebsite', 'Customer_Website__c');
    check('opportunityName', 'Opportunity_Name__c');
    check('contactName', 'Contact_Name__c');
    check('contactEmail', 'Contact_Email__c');
    check('contactPhone', 'Contact_Phone__c');
    check('contactTitle', 'Contact_Title__c');
    const email = clean(d.contactEmail);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      errors.push(this.label('DR_Portal_Apex_Invalid_Email', this.fieldLabel('contactEmail')));
    }
    const currency = clean(d.dealCurrency);
    if (currency && !/^[A-Z]{3}$/.test(currency.toUpperCase())) {
      errors.push(this.label('DR_Portal_Apex_Invalid_Currency', this.fieldLabel('dealCurrency')));
    }
    const region = clean(d.customerRegion);
    if (region && !REGIONS.includes(region)) {
      errors.push(
        this.label('DR_Portal_Apex_Invalid_Choice', this.fieldLabel('customerRegion'), REGIONS.join(', '))
      );
    }
    if (typeof d.dealValue === 'number' && d.dealValue < 0) {
      errors.push(this.label('DR_Portal_Apex_Not_Negative', this.fieldLabel('dealValue')));
    }
    if (clean(d.expectedCloseDate) && !validDate(d.expectedCloseDate ?? undefined)) {
      errors.push(
        this.label('DR_Portal_Apex_Invalid_Choice', this.fieldLabel('expectedCloseDate'), 'YYYY-MM-DD')
      );
    }
    if (errors.length) throw new AuraError(errors.join(' '));
  }

  applyDraft(r: Registration, d: DealPortalDraft): void {
    r.customerName = clean(d.customerName);
    r.customerWebsite = clean(d.customerWebsite);
    r.customerCountry = clean(d.customerCountry);
    r.customerRegion = clean(d.customerRegion);
    r.customerIndustry = clean(d.customerIndustry);
    r.customerEmployees = d.customerEmployees ?? undefined;
    r.opportunityName = clean(d.opportunityName);
    r.dealValue = d.dealValue ?? undefined;
    r.dealCurrency = clean(d.dealCurrency)?.toUpperCase();
    r.expectedCloseDate = validDate(d.expectedCloseDate ?? undefined);
    r.products = clean(d.products);
    r.description = clean(d.description);
    r.contactName = clean(d.contactName);
    r.contactEmail = clean(d.contactEmail);
    r.contactPhone = clean(d.contactPhone);
    r.contactTitle = clean(d.contactTitle);
    if (clean(d.partnerResponse)) r.partnerResponse = String(d.partnerResponse).trim();
    r.lastModifiedDate = this.now().toISOString();
  }

  /** The draft as the precheck contract wants it (DealRegistrationPortalController.precheckDraft). */
  precheckDraft(d: DealPortalDraft, accountId: string): Record<string, unknown> {
    const tmp = { ...this.newDetached(accountId) };
    this.applyDraft(tmp, d);
    const payload = this.dealPayload(tmp);
    const draft: Record<string, unknown> = { partner: { id: accountId } };
    for (const k of ['customer', 'opportunity', 'contact'] as const) {
      const part = payload[k] as Record<string, unknown> | undefined;
      if (part && Object.keys(part).length > 0) draft[k] = part;
    }
    return draft;
  }

  private newDetached(accountId: string): Registration {
    const now = this.now().toISOString();
    return {
      id: 'draft',
      name: '',
      partnerAccountId: accountId,
      status: STATUS.DRAFT,
      source: 'Portal',
      extensionRequested: false,
      extensionCount: 0,
      potentialConflict: false,
      createdDate: now,
      lastModifiedDate: now,
      history: []
    };
  }

  createFor(accountId: string): Registration {
    return this.newRegistration(accountId);
  }

  isDecided(status: string): boolean {
    return DECIDED.has(status);
  }

  isReviewable(status: string): boolean {
    return REVIEWABLE.has(status);
  }

  get smallDealLimit(): number {
    return SMALL_DEAL_LIMIT;
  }

  freeMail(domain: string): boolean {
    return FREE_MAIL.has(domain);
  }
}
