/**
 * Routing and notification preferences in the preview org, with the package's rules: the routing
 * rules and review SLAs are read from the custom metadata records the package ships
 * (Deal_Routing_Rule.*, Deal_Review_SLA.*), a scored registration that needs a human goes to the
 * least-loaded available manager of the matched rule's queue (DealAssignmentService), and each
 * user's notification preferences (DealNotificationPreferenceController) are kept in memory. The
 * preview has no queues: as in the package, where both queues hold the Deal_Registration_Managers
 * group, every manager persona is a member of every queue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT } from '../build';
import { VOCABULARY } from '../../functions/deal-scoring/src/vocabulary';
import { AuraError, type PreviewOrg, type Registration, type User } from './org';

const METADATA = join(ROOT, 'force-app/main/default/customMetadata');
const STATUS = VOCABULARY.registrationStatus.values;
const OPEN = new Set<string>(VOCABULARY.registrationStatus.groups.REVIEWABLE.map((k) => STATUS[k]));

/** DealNotificationPreferences.PARTNER_EVENTS / MANAGER_EVENTS. */
export const PARTNER_EVENTS = [
  'SUBMITTED',
  'MORE_INFO',
  'APPROVED',
  'REJECTED',
  'EXPIRING',
  'EXTENSION_DECIDED'
];
export const MANAGER_EVENTS = ['HIGH_POTENTIAL', 'CONFLICT', 'SLA_BREACH', 'PARTNER_ANSWER'];

type Values = Map<string, string>;

function records(type: string): { name: string; values: Values }[] {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (n) => n === 'values'
  });
  return readdirSync(METADATA)
    .filter((f) => f.startsWith(`${type}.`) && f.endsWith('.md-meta.xml'))
    .map((f) => {
      const doc = parser.parse(readFileSync(join(METADATA, f), 'utf8')) as {
        CustomMetadata: { values: { field: string; value: unknown }[] };
      };
      const values = new Map<string, string>();
      for (const v of doc.CustomMetadata.values) {
        if (typeof v.value === 'string' && v.value !== '') values.set(v.field, v.value);
      }
      return { name: f.slice(type.length + 1, -'.md-meta.xml'.length), values };
    });
}

const list = (v: string | undefined, upper = false): string[] =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (upper ? x.toUpperCase() : x.toLowerCase()));
const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

export interface RoutingRule {
  name: string;
  priority: number;
  regions: string[];
  countries: string[];
  products: string[];
  minAmount?: number;
  maxAmount?: number;
  conflict?: 'Conflict' | 'No Conflict';
  queue?: string;
}

/** The active rules of Deal_Routing_Rule__mdt in evaluation order (DealRoutingRules.active). */
export function readRoutingRules(): RoutingRule[] {
  return records('Deal_Routing_Rule')
    .filter((r) => r.values.get('Active__c') !== 'false')
    .map(({ name, values: v }): RoutingRule => {
      const c = v.get('Conflict__c');
      const conflict = c === 'Conflict' || c === 'No Conflict' ? c : undefined;
      return {
        name,
        priority: Number(v.get('Priority__c')),
        regions: list(v.get('Regions__c'), true),
        countries: list(v.get('Countries__c')),
        products: list(v.get('Products__c')),
        minAmount: num(v.get('Min_Amount__c')),
        maxAmount: num(v.get('Max_Amount__c')),
        ...(conflict ? { conflict } : {}),
        queue: v.get('Queue__c')
      };
    })
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
}

/** Whether a rule applies (DealRoutingRules.Rule.matches). */
export function matches(rule: RoutingRule, r: Registration): boolean {
  if (rule.conflict === 'Conflict' && !r.potentialConflict) return false;
  if (rule.conflict === 'No Conflict' && r.potentialConflict) return false;
  if (rule.regions.length && !rule.regions.includes((r.customerRegion ?? '').toUpperCase())) return false;
  if (rule.countries.length && !rule.countries.includes((r.customerCountry ?? '').toLowerCase()))
    return false;
  if (rule.products.length) {
    const products = (r.products ?? '').split(';').map((p) => p.trim().toLowerCase());
    if (!products.some((p) => rule.products.includes(p))) return false;
  }
  if ((rule.minAmount !== undefined || rule.maxAmount !== undefined) && r.dealValue === undefined)
    return false;
  if (rule.minAmount !== undefined && (r.dealValue ?? 0) < rule.minAmount) return false;
  if (rule.maxAmount !== undefined && (r.dealValue ?? 0) >= rule.maxAmount) return false;
  return true;
}

/** Hours of the first matching Deal_Review_SLA__mdt row (DealReviewSla.hoursFor). */
export function slaHours(org: PreviewOrg, r: Registration): number {
  const rows = records('Deal_Review_SLA').sort(
    (a, b) =>
      Number(a.values.get('Priority__c')) - Number(b.values.get('Priority__c')) ||
      a.name.localeCompare(b.name)
  );
  const triage = r.recommendation?.triage;
  for (const { values: v } of rows) {
    const t = v.get('Triage__c');
    if (t && t !== triage) continue;
    const min = num(v.get('Min_Amount__c'));
    const max = num(v.get('Max_Amount__c'));
    if ((min !== undefined || max !== undefined) && r.dealValue === undefined) continue;
    if (min !== undefined && (r.dealValue ?? 0) < min) continue;
    if (max !== undefined && (r.dealValue ?? 0) >= max) continue;
    return Number(v.get('Hours__c'));
  }
  return org.settings.reviewSlaHours;
}

// ---------------------------------------------------------------- preferences (per org, in memory)
interface Preference {
  disabled: Set<string>;
  bellOnly: boolean;
  dailyDigest: boolean;
  outOfOffice: boolean;
  outOfOfficeUntil: string | null;
}
const PREFERENCES = new WeakMap<PreviewOrg, Map<string, Preference>>();

export function preferenceOf(org: PreviewOrg, userId: string): Preference {
  let byUser = PREFERENCES.get(org);
  if (!byUser) PREFERENCES.set(org, (byUser = new Map()));
  let p = byUser.get(userId);
  if (!p) {
    p = {
      disabled: new Set(),
      bellOnly: false,
      dailyDigest: false,
      outOfOffice: false,
      outOfOfficeUntil: null
    };
    byUser.set(userId, p);
  }
  return p;
}

function isAway(org: PreviewOrg, userId: string): boolean {
  const p = preferenceOf(org, userId);
  const today = org.now().toISOString().slice(0, 10);
  return p.outOfOffice && (p.outOfOfficeUntil === null || p.outOfOfficeUntil >= today);
}

/**
 * Assigns a registration that needs a human (DealAssignmentService.assign): the first matching rule,
 * then the available manager with the fewest open reviews (ties: the lowest id); a registration that
 * comes back keeps an available reviewer.
 */
export function assignReview(org: PreviewOrg, r: Registration): void {
  const rule = readRoutingRules().find((x) => matches(x, r));
  const managers = [...org.users.values()].filter((u) => u.role === 'manager' && !isAway(org, u.id));
  const open = (id: string) =>
    [...org.registrations.values()].filter((x) => x.assignedReviewerId === id && OPEN.has(x.status)).length;
  let chosen: User | undefined;
  let how: string;
  if (r.assignedReviewerId && managers.some((m) => m.id === r.assignedReviewerId)) {
    chosen = org.users.get(r.assignedReviewerId);
    how = 'kept the current reviewer';
  } else {
    chosen = [...managers].sort((a, b) => open(a.id) - open(b.id) || a.id.localeCompare(b.id))[0];
    how = chosen
      ? `fewest open reviews among ${managers.length} available in queue ${rule?.queue}`
      : `nobody available in queue ${rule?.queue}: waits in the queue unassigned`;
  }
  if (chosen) r.assignedReviewerId = chosen.id;
  else delete r.assignedReviewerId;
  r.routingRule = rule?.name;
  r.routingQueue = rule?.queue;
  r.reviewDueAt = new Date(org.now().getTime() + slaHours(org, r) * 3_600_000).toISOString();
  r.escalationLevel = 0;
  org.addAudit(
    r.id,
    'ASSIGNED',
    chosen ? 'SUCCESS' : 'FALLBACK',
    `rule ${rule?.name ?? '(none)'} -> ${chosen ? chosen.name : `queue ${rule?.queue}`}: ${how}`,
    'Automated Process'
  );
}

// ---------------------------------------------------------------- DealNotificationPreferenceController
const eventsOf = (user: User) => (user.role === 'partner' ? PARTNER_EVENTS : MANAGER_EVENTS);

function view(org: PreviewOrg, user: User): DealNotificationPreferenceView {
  const p = preferenceOf(org, user.id);
  const manager = user.role === 'manager';
  return {
    audience: manager ? 'manager' : 'partner',
    events: eventsOf(user).map((code) => ({
      code,
      label: org.label(`DR_Event_${code}`),
      enabled: !p.disabled.has(code)
    })),
    bellOnly: p.bellOnly,
    dailyDigest: manager && p.dailyDigest,
    outOfOffice: manager && p.outOfOffice,
    outOfOfficeUntil: manager ? p.outOfOfficeUntil : null
  };
}

const getMyPreferences = (org: PreviewOrg, user: User): DealNotificationPreferenceView => view(org, user);

const saveMyPreferences = (
  org: PreviewOrg,
  user: User,
  params: { input: DealNotificationPreferenceInput }
): DealNotificationPreferenceView => {
  const input = params.input;
  if (!input) throw new AuraError('input: required');
  const allowed = eventsOf(user);
  for (const code of input.enabledEvents ?? []) {
    if (!allowed.includes(code))
      throw new AuraError(`enabledEvents: unknown event "${code}" (allowed: ${allowed.join(', ')})`);
  }
  const today = org.now().toISOString().slice(0, 10);
  if (input.outOfOffice && input.outOfOfficeUntil && input.outOfOfficeUntil < today)
    throw new AuraError(`outOfOfficeUntil: ${org.label('DR_Prefs_Until_Past')}`);
  const p = preferenceOf(org, user.id);
  p.disabled = new Set(allowed.filter((code) => !(input.enabledEvents ?? []).includes(code)));
  p.bellOnly = input.bellOnly === true;
  if (user.role === 'manager') {
    p.dailyDigest = input.dailyDigest === true;
    p.outOfOffice = input.outOfOffice === true;
    p.outOfOfficeUntil = p.outOfOffice ? (input.outOfOfficeUntil ?? null) : null;
  }
  return view(org, user);
};

export const NOTIFICATION_CONTROLLERS = {
  'DealNotificationPreferenceController.getMyPreferences': getMyPreferences,
  'DealNotificationPreferenceController.saveMyPreferences': saveMyPreferences
};
