/**
 * scoreRequest(): the whole /v1/score response for a validated request. Deterministic except for
 * the narrator (which only writes text) and, when the request has no `settings.asOf`, today's
 * date, which is echoed back as `asOf` so the result can be reproduced.
 */
import type { DealResult, ScoreRequest, ScoreResponse } from '../schemas';
import { MODEL_VERSION } from '../version';
import { assessDeal } from './assess';
import { todayUtc } from './dates';
import { isPartnerSafe, templateNarrator, templatePartnerMessage, type Narrator } from './narrative';
import { prepareCatalog } from '../deal/products';
import { resolveSettings } from './settings';

export interface ScoreOptions {
  /** Writes rationale and partner message; defaults to the template narrator. */
  narrator?: Narrator;
  /** The date used when the request has no asOf (tests pin it). */
  today?: () => string;
}

export async function scoreRequest(
  request: ScoreRequest,
  options: ScoreOptions = {}
): Promise<ScoreResponse> {
  const settings = {
    ...resolveSettings(request.settings, (options.today ?? (() => todayUtc()))()),
    ...(request.catalog ? { catalog: prepareCatalog(request.catalog) } : {})
  };
  const narrator = options.narrator ?? templateNarrator;
  const results: DealResult[] = [];
  for (const deal of request.deals) {
    const a = assessDeal(deal, settings);
    const input = { deal, assessment: a, settings };
    let narrative = await narrator(input);
    // The template never mentions other records (property-tested); any other narrator is checked.
    if (narrator !== templateNarrator && !isPartnerSafe(narrative.partnerMessage, deal)) {
      narrative = {
        ...narrative,
        partnerMessage: templatePartnerMessage(input),
        explanation: { ...narrative.explanation, fallback: true }
      };
    }
    results.push({
      dealId: a.dealId,
      confidenceScore: a.confidenceScore,
      triageStatus: a.triageStatus,
      confidence: a.confidence,
      recommendedAction: a.recommendedAction,
      factors: a.factors,
      conflicts: a.conflicts,
      missingFields: a.missingFields,
      rationale: narrative.rationale,
      partnerMessage: narrative.partnerMessage,
      modelVersion: MODEL_VERSION,
      rulesetVersion: settings.ruleset.rulesetVersion,
      explanation: narrative.explanation
    });
  }
  return { requestId: request.requestId, asOf: settings.asOf, results };
}
