/**
 * ChannelForecastController in the preview org. The preview's few registrations have no history,
 * so the forecast is computed on the backtest's generated channel history (five years of weekly
 * registrations with planted seasonality and partner effects), as Apex would gather it on the
 * first day of the history's last quarter, and sent to the real function in-process
 * (`POST /v1/forecast` through inject(), like scoring). Last quarter's forecast is the same call one
 * quarter earlier, against what the history says closed.
 */
import { AuraError, type PreviewOrg, type User } from './org';
import { ScoringUnavailable } from './scoring';
import { generateHistory } from '../../tools/backtest-forecast/src/demo';
import { indexHistory, originAt, origins } from '../../tools/backtest-forecast/src/backtest';
import type { ForecastResponse } from '../../functions/deal-scoring/src/forecast/schemas';

type GetForecast = (typeof import('@salesforce/apex/ChannelForecastController.getForecast'))['default'];
type RunForecast = (typeof import('@salesforce/apex/ChannelForecastController.runForecast'))['default'];

/** The generated history's seed (one of the backtest's held-out seeds). */
export const PREVIEW_HISTORY_SEED = 101;

interface State {
  view?: ChannelForecastView;
  runs: number;
}
const states = new WeakMap<PreviewOrg, State>();
const stateOf = (org: PreviewOrg): State => {
  let s = states.get(org);
  if (!s) states.set(org, (s = { runs: 0 }));
  return s;
};

let cachedIndex: ReturnType<typeof indexHistory> | undefined;
const history = () => (cachedIndex ??= indexHistory(generateHistory(PREVIEW_HISTORY_SEED), 'USD'));

async function call(org: PreviewOrg, request: unknown): Promise<ForecastResponse> {
  try {
    return await org.scoring.post<ForecastResponse>('/v1/forecast', request);
  } catch (e) {
    if (e instanceof ScoringUnavailable) throw new AuraError(org.label('DR_Console_Error_Title'));
    throw e;
  }
}

/** The response as ForecastViewService shows the stored snapshot. */
export function toView(
  res: ForecastResponse,
  runId: string,
  lastQuarter: ChannelForecastLastQuarter | null
): ChannelForecastView {
  const segment =
    (kind: string) =>
    (s: ForecastResponse['quarters'][number]['total']): ChannelForecastSegment => ({
      key: s.key,
      label: s.label,
      kind,
      p10: s.p10,
      p50: s.p50,
      p90: s.p90,
      openDeals: s.openDeals,
      history: s.history
    });
  return {
    runId,
    runAt: new Date().toISOString(),
    asOf: res.asOf,
    currencyCode: res.currency,
    modelVersion: res.modelVersion,
    quarters: res.quarters.map((q) => ({
      id: q.id,
      startDate: q.startDate,
      endDate: q.endDate,
      p10: q.total.p10,
      p50: q.total.p50,
      p90: q.total.p90,
      closedToDate: q.total.closedToDate,
      registered: q.total.registered,
      notYetRegistered: q.total.notYetRegistered ?? null,
      stageProbability: q.total.stageProbability,
      lastYear: q.total.lastYear ?? null,
      history: q.total.history,
      segments: [...q.segments.map(segment('SEGMENT')), ...q.partners.map(segment('PARTNER'))],
      drivers: q.drivers.map((d) => ({ code: d.code, label: d.label, amount: d.amount }))
    })),
    insights: [
      ...res.insights.managerOnly.map((i) => ({
        code: i.code,
        severity: i.severity,
        audience: 'MANAGER_ONLY',
        text: i.text
      })),
      ...res.insights.partnerSafe.map((i) => ({
        code: i.code,
        severity: i.severity,
        audience: 'PARTNER_SAFE',
        text: i.text
      }))
    ],
    lastQuarter
  };
}

async function compute(org: PreviewOrg, run: number): Promise<ChannelForecastView> {
  const ix = history();
  const days = origins(ix);
  const today = days[days.length - 1]!;
  const current = originAt(ix, today, 'USD', 1000);
  const res = await call(org, {
    ...current.request,
    requestId: `preview-forecast-${run}`,
    quarters: 2,
    topPartners: 5
  });
  const previous = originAt(ix, days[days.length - 2]!, 'USD', 1000);
  const prev = await call(org, { ...previous.request, requestId: `preview-forecast-${run}-previous` });
  const t = prev.quarters[0]!;
  return toView(res, `preview-forecast-${run}`, {
    id: t.id,
    forecastOn: prev.asOf,
    p10: t.total.p10,
    p50: t.total.p50,
    p90: t.total.p90,
    actual: Math.round(previous.actual * 100) / 100
  });
}

const getForecast = async (
  org: PreviewOrg,
  user: User,
  _params: Record<string, never>
): Promise<Awaited<ReturnType<GetForecast>>> => {
  org.requireManager(user);
  const s = stateOf(org);
  s.view ??= await compute(org, s.runs);
  return s.view;
};

const runForecast = async (
  org: PreviewOrg,
  user: User,
  _params: Record<string, never>
): Promise<Awaited<ReturnType<RunForecast>>> => {
  org.requireManager(user);
  const s = stateOf(org);
  s.runs += 1;
  s.view = await compute(org, s.runs);
  return `preview-job-${s.runs}`;
};

/** ChannelForecastController's methods, spread into CONTROLLERS. */
export const FORECAST_CONTROLLERS = {
  'ChannelForecastController.getForecast': getForecast,
  'ChannelForecastController.runForecast': runForecast
};
