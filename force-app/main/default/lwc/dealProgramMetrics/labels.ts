// Custom labels used by this component (DR_Console_*), one import each so the platform tracks them.
import ERROR_TITLE from '@salesforce/label/c.DR_Console_Error_Title';
import LOADING from '@salesforce/label/c.DR_Console_Loading';
import REFRESH from '@salesforce/label/c.DR_Console_Refresh';
import TRIAGE_AUTO_APPROVED from '@salesforce/label/c.DR_Console_Triage_AUTO_APPROVED';
import TRIAGE_NEEDS_REVIEW from '@salesforce/label/c.DR_Console_Triage_NEEDS_REVIEW';
import TRIAGE_FLAGGED_CONFLICT from '@salesforce/label/c.DR_Console_Triage_FLAGGED_CONFLICT';
import METRICS_TITLE from '@salesforce/label/c.DR_Console_Metrics_Title';
import PERIOD from '@salesforce/label/c.DR_Console_Period';
import LAST_30 from '@salesforce/label/c.DR_Console_Last_30';
import LAST_90 from '@salesforce/label/c.DR_Console_Last_90';
import METRIC_APPROVAL from '@salesforce/label/c.DR_Console_Metric_Approval';
import METRIC_MEDIAN from '@salesforce/label/c.DR_Console_Metric_Median';
import METRIC_AGREEMENT from '@salesforce/label/c.DR_Console_Metric_Agreement';
import METRIC_OVERRIDE from '@salesforce/label/c.DR_Console_Metric_Override';
import METRIC_CONFLICT from '@salesforce/label/c.DR_Console_Metric_Conflict';
import METRIC_AUTO from '@salesforce/label/c.DR_Console_Metric_Auto';
import HOURS from '@salesforce/label/c.DR_Console_Hours';
import NO_DATA from '@salesforce/label/c.DR_Console_No_Data';
import OF_COUNT from '@salesforce/label/c.DR_Console_Of_Count';
import MEDIAN_SAMPLED from '@salesforce/label/c.DR_Console_Median_Sampled';
import SHADOW_METRICS from '@salesforce/label/c.DR_Console_Shadow_Metrics';
import EMPTY_PERIOD from '@salesforce/label/c.DR_Console_Metrics_Empty_Period';
import BACKLOG from '@salesforce/label/c.DR_Console_Backlog';
import BACKLOG_TOTAL from '@salesforce/label/c.DR_Console_Backlog_Total';
import BACKLOG_EMPTY from '@salesforce/label/c.DR_Console_Backlog_Empty';
import BUCKET_LT_1D from '@salesforce/label/c.DR_Console_Bucket_LT_1D';
import BUCKET_D1_2 from '@salesforce/label/c.DR_Console_Bucket_D1_2';
import BUCKET_D2_7 from '@salesforce/label/c.DR_Console_Bucket_D2_7';
import BUCKET_GTE_7D from '@salesforce/label/c.DR_Console_Bucket_GTE_7D';
import BUCKET_UNKNOWN from '@salesforce/label/c.DR_Console_Bucket_UNKNOWN';
import TRIAGE_MIX from '@salesforce/label/c.DR_Console_Triage_Mix';
import CHART_COUNT from '@salesforce/label/c.DR_Console_Chart_Count';
import CHART_BUCKET from '@salesforce/label/c.DR_Console_Chart_Bucket';

export const LABELS = {
  Error_Title: ERROR_TITLE,
  Loading: LOADING,
  Refresh: REFRESH,
  Triage_AUTO_APPROVED: TRIAGE_AUTO_APPROVED,
  Triage_NEEDS_REVIEW: TRIAGE_NEEDS_REVIEW,
  Triage_FLAGGED_CONFLICT: TRIAGE_FLAGGED_CONFLICT,
  Metrics_Title: METRICS_TITLE,
  Period: PERIOD,
  Last_30: LAST_30,
  Last_90: LAST_90,
  Metric_Approval: METRIC_APPROVAL,
  Metric_Median: METRIC_MEDIAN,
  Metric_Agreement: METRIC_AGREEMENT,
  Metric_Override: METRIC_OVERRIDE,
  Metric_Conflict: METRIC_CONFLICT,
  Metric_Auto: METRIC_AUTO,
  Hours: HOURS,
  No_Data: NO_DATA,
  Of_Count: OF_COUNT,
  Median_Sampled: MEDIAN_SAMPLED,
  Shadow_Metrics: SHADOW_METRICS,
  Empty_Period: EMPTY_PERIOD,
  Backlog: BACKLOG,
  Backlog_Total: BACKLOG_TOTAL,
  Backlog_Empty: BACKLOG_EMPTY,
  Bucket_LT_1D: BUCKET_LT_1D,
  Bucket_D1_2: BUCKET_D1_2,
  Bucket_D2_7: BUCKET_D2_7,
  Bucket_GTE_7D: BUCKET_GTE_7D,
  Bucket_UNKNOWN: BUCKET_UNKNOWN,
  Triage_Mix: TRIAGE_MIX,
  Chart_Count: CHART_COUNT,
  Chart_Bucket: CHART_BUCKET
} as const;
