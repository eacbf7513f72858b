/**
 * The HTML report: one self-contained file (inline CSS, inline SVG, no script, no external URL)
 * that a channel-ops lead can open offline. Every chart has one sentence saying what it means;
 * every section whose data is missing says so instead of drawing.
 */
import type { Interval, SegmentAgreement, Summary } from './analyze';
import { DECISIONS, TRIAGES } from './analyze';
import type { LearnResult, ModelMetrics, OutcomeResult } from './learn';
import { barChart, esc, lineChart, percent } from './svg';

const pct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${(100 * x).toFixed(digits)}%`;
const ci = (i: Interval) =>
  i.n === 0 ? 'n/a (no cases)' : `${pct(i.rate)} <span class="ci">[${pct(i.low)}-${pct(i.high)}]</span>`;
const fmt = (x: number | null | undefined, d = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d);

function figure(svg: string, sentence: string): string {
  return `<figure>${svg}<figcaption>${esc(sentence)}</figcaption></figure>`;
}

function missingNote(text: string): string {
  return `<p class="missing">${esc(text)}</p>`;
}

function agreementTable(title: string, rows: SegmentAgreement[]): string {
  const short: Record<string, string> = {
    AUTO_APPROVED: 'auto-approve',
    NEEDS_REVIEW: 'review',
    FLAGGED_CONFLICT: 'conflict'
  };
  const head = TRIAGES.map((t) =>
    DECISIONS.map((d) => `<th>AI ${short[t]} → human ${esc(d.toLowerCase())}</th>`).join('')
  ).join('');
  const body = rows
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.segment)}</th><td>${s.decided}</td>${TRIAGES.map((t) => DECISIONS.map((d) => `<td>${s.matrix[t][d]}</td>`).join('')).join('')}<td>${ci(s.agreement)}</td><td>${ci(s.autoApprovedApproved)}</td></tr>`
    )
    .join('');
  return `<h3>${esc(title)}</h3><div class="scroll"><table><thead><tr><th>segment</th><th>decided</th>${head}<th>agreement</th><th>auto-approvals humans approved</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function agreementSection(s: Summary): string {
  const a = s.agreement;
  let html = '<section id="agreement"><h2>1. Agreement of AI triage with human decisions</h2>';
  if (!a)
    return (
      html +
      missingNote('No decided registration with a recommendation: there is nothing to compare.') +
      '</section>'
    );
  const segs = [
    a.overall,
    ...a.byTier.map((x) => ({ ...x, segment: `tier ${x.segment}` })),
    ...a.byRegion.map((x) => ({ ...x, segment: `region ${x.segment}` })),
    ...a.byAmountBand.map((x) => ({ ...x, segment: `amount ${x.segment}` }))
  ];
  html += figure(
    barChart({
      title: 'Agreement by segment',
      xLabel: 'agreement (95% confidence interval)',
      max: 1,
      bars: segs
        .filter((x) => x.agreement.n > 0)
        .map((x) => ({
          label: `${x.segment} (n=${x.agreement.n})`,
          value: x.agreement.rate ?? 0,
          low: x.agreement.low,
          high: x.agreement.high
        }))
    }),
    `Humans agreed with the AI on ${pct(a.overall.agreement.rate)} of the ${a.overall.agreement.n} decisions it had an expectation for (auto-approve means approve, conflict means reject); a short bar or a wide whisker marks a segment to watch.`
  );
  html +=
    "<p>Agreement counts only the recommendations that expect a decision, as the console's override rule does: an auto-approval expects approval, a conflict flag expects rejection, a plain review expects nothing. Intervals are 95% Wilson intervals.</p>";
  html +=
    agreementTable('Overall', [a.overall]) +
    agreementTable('By partner tier', a.byTier) +
    agreementTable('By region', a.byRegion) +
    agreementTable('By amount band', a.byAmountBand);
  return html + '</section>';
}

function sweepSection(s: Summary): string {
  let html = '<section id="sweep"><h2>2. Review threshold sweep</h2>';
  const sw = s.sweep;
  if (!sw)
    return (
      html +
      missingNote('The sweep needs decided registrations of both outcomes (approved and rejected).') +
      '</section>'
    );
  const pts = sw.points;
  const maxWonShare = Math.max(...pts.map((p) => p.won / Math.max(1, s.agreement?.overall.decided ?? 1)));
  html += figure(
    lineChart({
      title: 'Threshold sweep',
      xLabel: 'review threshold (score at or above: approved without a human in live mode)',
      yLabel: 'share',
      x: [0, 100],
      y: [0, 1],
      series: [
        {
          name: 'auto-approved share',
          color: '#3a6ea5',
          points: pts.map((p) => ({ x: p.threshold, y: p.share }))
        },
        {
          name: 'rejected by humans',
          color: '#c0392b',
          points: pts.map((p) => ({
            x: p.threshold,
            y: p.rejection.rate,
            low: p.rejection.low,
            high: p.rejection.high
          }))
        },
        {
          name: 'won (of decided)',
          color: '#27ae60',
          dashed: true,
          points: pts.map((p) => ({
            x: p.threshold,
            y: p.won / Math.max(1, s.agreement?.overall.decided ?? 1)
          }))
        }
      ],
      vlines:
        sw.recommended !== null
          ? [{ x: sw.recommended, label: `recommended ${sw.recommended}` }]
          : [{ x: s.options.currentReviewThreshold, label: `current ${s.options.currentReviewThreshold}` }]
    }),
    sw.recommended !== null
      ? `Raising the threshold auto-approves fewer registrations and fewer that humans would reject; ${sw.recommended} is the lowest threshold whose human-rejection rate stays within ${pct(s.options.targetRejection)}.`
      : `No threshold keeps the rejection rate within ${pct(s.options.targetRejection)}; the red line shows how often humans rejected what live mode would approve.`
  );
  html += `<p class="why"><strong>Recommended review threshold: ${sw.recommended ?? 'none'}.</strong> ${esc(sw.why)}</p>`;
  const shown = [
    ...new Set([50, 55, 60, 65, 70, 75, 80, 85, 90, 95, ...(sw.recommended !== null ? [sw.recommended] : [])])
  ].sort((a, b) => a - b);
  html += `<table><thead><tr><th>threshold</th><th>would auto-approve</th><th>share</th><th>humans rejected</th><th>rejection rate</th><th>won</th></tr></thead><tbody>${shown
    .map((t) => pts[t]!)
    .map(
      (p) =>
        `<tr${p.threshold === sw.recommended ? ' class="chosen"' : ''}><td>${p.threshold}</td><td>${p.autoApproved}</td><td>${pct(p.share)}</td><td>${p.rejected}</td><td>${ci(p.rejection)}</td><td>${p.won}</td></tr>`
    )
    .join('')}</tbody></table>`;
  html += `<p>Live mode never auto-approves a conflict, a registration with missing required fields, a first-time partner's, or one at or above ${s.options.highValueAmount.toLocaleString('en-US')}; the sweep applies the same rules. Largest won share: ${pct(maxWonShare)}.</p>`;
  return html + '</section>';
}

function calibrationSection(s: Summary): string {
  let html = '<section id="calibration"><h2>3. Calibration: score against approval and win rates</h2>';
  const c = s.calibration;
  if (!c)
    return (
      html +
      missingNote(
        'No decided registration with a recommendation: no score can be compared with an outcome.'
      ) +
      '</section>'
    );
  const used = c.filter((b) => b.n > 0);
  html += figure(
    lineChart({
      title: 'Calibration curve',
      xLabel: 'score bin (midpoint)',
      yLabel: 'rate',
      x: [0, 100],
      series: [
        {
          name: 'approved by humans',
          color: '#3a6ea5',
          markers: true,
          points: used.map((b) => ({
            x: (b.from + b.to) / 2,
            y: b.approval.rate,
            low: b.approval.low,
            high: b.approval.high
          }))
        },
        {
          name: 'won (approved, closed)',
          color: '#27ae60',
          markers: true,
          points: used
            .filter((b) => b.win.n > 0)
            .map((b) => ({ x: (b.from + b.to) / 2, y: b.win.rate, low: b.win.low, high: b.win.high }))
        }
      ]
    }),
    'A useful score rises from left to right: higher bins should be approved and won more often; flat stretches or dips show scores that do not separate outcomes.'
  );
  html += `<table><thead><tr><th>score</th><th>decided</th><th>approved</th><th>won of approved with a closed opportunity</th></tr></thead><tbody>${c
    .map(
      (b) =>
        `<tr><td>${b.from}-${b.to}</td><td>${b.n}</td><td>${ci(b.approval)}</td><td>${ci(b.win)}</td></tr>`
    )
    .join('')}</tbody></table>`;
  return html + '</section>';
}

function conflictSection(s: Summary): string {
  let html = '<section id="conflicts"><h2>4. Conflict flags: confirmed or dismissed</h2>';
  const c = s.conflicts;
  if (!c) return html + missingNote('No decided registration was flagged as a conflict.') + '</section>';
  html += `<p>${c.flagged} decided conflict flags: humans confirmed ${c.confirmed} (rejected the registration) and dismissed ${c.dismissed} (approved it).</p>`;
  html += figure(
    lineChart({
      title: 'Conflict confirmation by similarity',
      xLabel: 'similarity of the closest conflicting record',
      yLabel: 'confirmed',
      x: [0.8, 1],
      fx: (v) => v.toFixed(2),
      series: [
        {
          name: 'confirmed by humans',
          color: '#8e44ad',
          markers: true,
          points: c.bins.map((b) => ({
            x: (b.from + b.to) / 2,
            y: b.confirmed.rate,
            low: b.confirmed.low,
            high: b.confirmed.high
          }))
        }
      ],
      vlines:
        c.recommended !== null ? [{ x: c.recommended, label: `recommended ${c.recommended.toFixed(2)}` }] : []
    }),
    c.agreeSimilarity !== null
      ? `Humans start to agree with a conflict flag at similarity ${c.agreeSimilarity.toFixed(2)}: below it most flags were dismissed, above it most were confirmed.`
      : 'The confirmation rate by similarity; too few or one-sided decisions to locate where humans start to agree.'
  );
  html += `<p class="why"><strong>Recommended conflict threshold: ${c.recommended !== null ? c.recommended.toFixed(2) : 'keep the current one'}.</strong> ${esc(c.why)}</p>`;
  html += `<table><thead><tr><th>similarity</th><th>flags</th><th>confirmed</th></tr></thead><tbody>${c.bins
    .map(
      (b) =>
        `<tr><td>${b.from.toFixed(2)}-${b.to.toFixed(2)}</td><td>${b.confirmed.n}</td><td>${ci(b.confirmed)}</td></tr>`
    )
    .join('')}</tbody></table>`;
  return html + '</section>';
}

function overrideSection(s: Summary): string {
  let html = '<section id="overrides"><h2>5. Factors present when humans overrode the AI</h2>';
  const o = s.overrides;
  if (!o)
    return (
      html +
      missingNote(
        'No auto-approval recommendation was both approved and rejected by humans: nothing to compare.'
      ) +
      '</section>'
    );
  html += `<p>Humans rejected ${o.autoApprovedRejected} registrations the AI would auto-approve and approved ${o.conflictDismissed} it flagged as conflicts.</p>`;
  if (o.factors.length === 0)
    return (
      html +
      missingNote(
        'No factor is more frequent among overridden auto-approvals than among confirmed ones (at least 5 cases).'
      ) +
      '</section>'
    );
  const maxLift = Math.max(...o.factors.map((f) => f.lift));
  html += figure(
    barChart({
      title: 'Factors in overridden auto-approvals',
      xLabel: 'times more frequent in overridden than in confirmed auto-approvals',
      max: Math.ceil(maxLift),
      fx: (v) => `${v.toFixed(1)}x`,
      bars: o.factors.map((f) => ({
        label: f.code,
        value: f.lift,
        color: '#c0392b',
        text: `${f.lift.toFixed(1)}x (${f.inOverrides})`
      }))
    }),
    `${o.factors[0]!.code} is ${o.factors[0]!.lift.toFixed(1)} times as common in auto-approvals humans rejected as in those they approved: the ruleset weighs it less than the reviewers do.`
  );
  html += `<table><thead><tr><th>factor</th><th>in overrides</th><th>share of overrides</th><th>share of agreements</th><th>lift</th></tr></thead><tbody>${o.factors
    .map(
      (f) =>
        `<tr><td>${esc(f.code)}</td><td>${f.inOverrides}</td><td>${pct(f.overrideShare)}</td><td>${pct(f.agreementShare)}</td><td>${f.lift.toFixed(2)}</td></tr>`
    )
    .join('')}</tbody></table>`;
  return html + '</section>';
}

function timeSection(s: Summary): string {
  const t = s.timeToDecision;
  let html = '<section id="time"><h2>6. Time to decision</h2>';
  const bars = [
    { label: `before the package (n=${t.before.n})`, value: t.before.medianHours },
    { label: `with recommendations (n=${t.after.n})`, value: t.after.medianHours },
    { label: 'projected in live mode', value: t.projectedMedianHours }
  ].filter((b): b is { label: string; value: number } => b.value !== null);
  if (bars.length === 0)
    return html + missingNote('No registration has both a submission and a decision time.') + '</section>';
  const max = Math.max(...bars.map((b) => b.value)) * 1.1;
  html += figure(
    barChart({
      title: 'Median hours to decision',
      xLabel: 'median hours from submission to decision',
      max,
      fx: (v) => `${v.toFixed(0)} h`,
      bars: bars.map((b) => ({ ...b, text: `${b.value.toFixed(1)} h` }))
    }),
    t.before.medianHours !== null && t.after.medianHours !== null
      ? `Median time to a decision went from ${t.before.medianHours.toFixed(1)} h before the package to ${t.after.medianHours.toFixed(1)} h with recommendations${t.projectedMedianHours !== null ? `, and would be ${t.projectedMedianHours.toFixed(1)} h in live mode at the recommended threshold` : ''}.`
      : 'Median time to a decision; one of the periods has no decided registrations.'
  );
  html += `<table><thead><tr><th>period</th><th>decided</th><th>median hours</th><th>90th percentile hours</th></tr></thead><tbody><tr><td>before the package</td><td>${t.before.n}</td><td>${fmt(t.before.medianHours, 1)}</td><td>${fmt(t.before.p90Hours, 1)}</td></tr><tr><td>with recommendations</td><td>${t.after.n}</td><td>${fmt(t.after.medianHours, 1)}</td><td>${fmt(t.after.p90Hours, 1)}</td></tr></tbody></table>`;
  return html + '</section>';
}

function outcomeSection(o: OutcomeResult, anchor: number): string {
  const what = o.outcome === 'approved' ? 'approval' : 'win';
  const rows =
    o.outcome === 'approved'
      ? 'decided registrations outside conflict review'
      : 'approved registrations whose opportunity closed';
  let html = `<h3>${o.outcome === 'approved' ? 'Approval' : 'Win'} on the holdout (${o.holdoutRows} newer ${rows}; ${o.trainRows} older to train)</h3>`;
  if (!o.metrics) return html + o.missing.map(missingNote).join('');
  const m = o.metrics;
  const row = (name: string, x: ModelMetrics) =>
    `<tr><td>${name}</td><td>${fmt(x.auc)}</td><td>${fmt(x.brier, 4)}</td><td>${fmt(x.ece, 4)}</td></tr>`;
  html += `<table><thead><tr><th>${what}</th><th>AUC (higher separates better)</th><th>Brier score (lower is better)</th><th>calibration error (ECE)</th></tr></thead><tbody>${row('default ruleset', m.default)}${row('learned candidate', m.learned)}${row(`the ${what} model alone (reference)`, m.model)}</tbody></table>`;
  html += figure(
    lineChart({
      title: `Reliability on the holdout: ${what}`,
      xLabel: `predicted probability of ${what}`,
      yLabel: `observed ${what}`,
      x: [0, 1],
      fx: percent,
      diagonal: true,
      series: [
        {
          name: 'default ruleset',
          color: '#7f8c8d',
          markers: true,
          points: m.default.bins.filter((b) => b.n > 0).map((b) => ({ x: b.meanPredicted, y: b.observed }))
        },
        {
          name: 'learned candidate',
          color: '#d35400',
          markers: true,
          points: m.learned.bins.filter((b) => b.n > 0).map((b) => ({ x: b.meanPredicted, y: b.observed }))
        }
      ]
    }),
    `Points on the dashed diagonal mean the predicted ${what} probability came true on newer registrations the model never saw; each ruleset's score is mapped to a probability of ${what} by a one-variable fit on the training part.`
  );
  html += `<table><thead><tr><th>segment (${what})</th><th>n</th><th>observed</th><th>predicted: default</th><th>predicted: learned</th><th>at or above ${anchor}: default</th><th>at or above ${anchor}: learned</th><th>note</th></tr></thead><tbody>${o.byTier
    .map(
      (t) =>
        `<tr><td>${esc(t.segment)}</td><td>${t.n}</td><td>${pct(t.observedRate)}</td><td>${pct(t.defaultMeanP)}</td><td>${pct(t.learnedMeanP)}</td><td>${pct(t.defaultAutoShare)}</td><td>${pct(t.learnedAutoShare)}</td><td>${esc(t.note)}</td></tr>`
    )
    .join('')}</tbody></table>`;
  return html;
}

function learnSection(l: LearnResult | undefined): string {
  if (!l) return '';
  let html = '<section id="learned"><h2>8. Learned scorecard (candidate, not applied)</h2>';
  if (!l.candidate || !l.outcomes) return html + l.missing.map(missingNote).join('') + '</section>';
  html += `<p>Candidate ruleset <code>${esc(l.candidate.rulesetVersion)}</code>: trained on the ${l.trainRows} older decided registrations, judged on the ${l.holdoutRows} newer ones (from ${esc(l.holdoutFrom?.slice(0, 10) ?? '')}). ${esc(l.candidate.provenance?.method ?? '')}.</p>`;
  html += `<p>Two models, one score: each factor's points are 10 × (its approval log-odds + ${l.winWeight} × its win log-odds), so a factor that makes humans approve and a factor that makes approved deals win both raise the score; 70 means a human approves with probability 0.9 for a deal of average win prospects.${l.winWeight === 0 ? ' No win model was fitted, so the points are the approval model alone.' : ''}</p>`;
  html += outcomeSection(l.outcomes.approved, 70) + outcomeSection(l.outcomes.won, 70);
  html += `<h3>Points: default and learned</h3><p>Base score ${l.candidate.baseScore}. Codes marked "kept" had too little support or are conflict codes and keep the default points; a code with too few closed opportunities has no win log-odds.</p><div class="scroll"><table><thead><tr><th>code</th><th>default points</th><th>learned points</th><th>approval log-odds</th><th>win log-odds</th><th>training rows with it (approval / win)</th></tr></thead><tbody>${l.weights
    .map(
      (w) =>
        `<tr><td>${esc(w.code)}</td><td>${w.defaultPoints}</td><td>${w.points}${w.learned ? '' : ' (kept)'}</td><td>${fmt(w.approval, 2)}</td><td>${fmt(w.win, 2)}</td><td>${w.support} / ${w.winSupport}</td></tr>`
    )
    .join('')}</tbody></table></div>`;
  html +=
    "<p>To use it: review it, put the JSON file in the scoring function's rulesets folder (<code>RULESETS_DIR</code>), restart the function and check <code>GET /v1/rulesets</code> lists it, then name the version in <code>Deal_Scoring_Setting__mdt.Ruleset_Version__c</code>. Nothing here changes the org or the function.</p>";
  return html + '</section>';
}

export interface ReportMeta {
  title: string;
  source: string;
  generatedAt: string;
}

export function renderReport(s: Summary, meta: ReportMeta, learned?: LearnResult): string {
  const verdictClass = s.verdict.segments.some((x) => x.ready) ? 'ready' : 'notready';
  const css = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:16px 24px;color:#222}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}h3{font-size:15px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
.ci{color:#666;font-size:12px}.missing{background:#fff4e5;border-left:4px solid #e67e22;padding:6px 10px}.why{background:#eef5fb;padding:6px 10px}
.verdict{padding:10px 14px;border-left:6px solid}.verdict.ready{border-color:#27ae60;background:#eafaf1}.verdict.notready{border-color:#c0392b;background:#fdedec}
figure{margin:12px 0}figcaption{font-style:italic;color:#333;margin-top:4px}.chart{width:100%;max-width:640px;height:auto}
.tick{font-size:11px;fill:#555}.axis{font-size:12px;fill:#333}.legend{font-size:12px;fill:#222}tr.chosen{background:#eafaf1}.scroll{overflow-x:auto}code{background:#f4f4f4;padding:0 3px}`;
  const warnings = Object.entries(s.input.warnings);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title><style>${css}</style></head><body>
<h1>${esc(meta.title)}</h1>
<p>Source: ${esc(meta.source)}. Generated ${esc(meta.generatedAt)}. ${s.input.registrations} registrations, ${s.input.withRecommendation} with an AI recommendation, ${s.input.decidedWithRecommendation} of those decided by a human; ${s.input.decidedWithoutRecommendation} decided before any recommendation. Ruleset versions: ${esc(
    Object.entries(s.input.rulesetVersions)
      .map(([k, v]) => `${k} (${v})`)
      .join(', ') || 'none'
  )}.</p>
<section id="verdict"><h2>Verdict</h2><p class="verdict ${verdictClass}">${esc(s.verdict.text)}</p>
<p>${esc(s.verdict.minimums)}</p>
<table><thead><tr><th>segment</th><th>ready</th><th>why</th></tr></thead><tbody>${s.verdict.segments.map((x) => `<tr><td>${esc(x.segment)}</td><td>${x.ready ? 'yes' : 'not yet'}</td><td>${esc(x.reason)}</td></tr>`).join('')}</tbody></table>
${s.missing.length > 0 ? `<h3>What the history is missing</h3>${s.missing.map(missingNote).join('')}` : ''}
${warnings.length > 0 ? `<h3>Records skipped</h3><ul>${warnings.map(([k, v]) => `<li>${v} × ${esc(k)}</li>`).join('')}</ul>` : ''}
</section>
${agreementSection(s)}${sweepSection(s)}${calibrationSection(s)}${conflictSection(s)}${overrideSection(s)}${timeSection(s)}
<section id="settings"><h2>7. Proposed settings</h2><p>The file <code>Deal_Scoring_Setting.Default.md-meta.xml</code> beside this report is the settings record with review threshold ${s.sweep?.recommended ?? 'unchanged'} and conflict threshold ${s.conflicts?.recommended?.toFixed(2) ?? 'unchanged'}; shadow mode stays on: switching to live mode is the programme's decision.</p></section>
${learnSection(learned)}
</body></html>
`;
}
