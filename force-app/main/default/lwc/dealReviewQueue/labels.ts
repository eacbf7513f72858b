// Custom labels used by this component (DR_Console_*), one import each so the platform tracks them.
import ERROR_TITLE from '@salesforce/label/c.DR_Console_Error_Title';
import LOADING from '@salesforce/label/c.DR_Console_Loading';
import REFRESH from '@salesforce/label/c.DR_Console_Refresh';
import TRIAGE_AUTO_APPROVED from '@salesforce/label/c.DR_Console_Triage_AUTO_APPROVED';
import TRIAGE_NEEDS_REVIEW from '@salesforce/label/c.DR_Console_Triage_NEEDS_REVIEW';
import TRIAGE_FLAGGED_CONFLICT from '@salesforce/label/c.DR_Console_Triage_FLAGGED_CONFLICT';
import NOT_SCORED from '@salesforce/label/c.DR_Console_Not_Scored';
import QUEUE_TITLE from '@salesforce/label/c.DR_Console_Queue_Title';
import FILTER_TRIAGE from '@salesforce/label/c.DR_Console_Filter_Triage';
import FILTER_REGION from '@salesforce/label/c.DR_Console_Filter_Region';
import FILTER_TIER from '@salesforce/label/c.DR_Console_Filter_Tier';
import FILTER_VALUE from '@salesforce/label/c.DR_Console_Filter_Value';
import FILTER_ALL from '@salesforce/label/c.DR_Console_Filter_All';
import FILTER_OVERDUE from '@salesforce/label/c.DR_Console_Filter_Overdue';
import TIER_PLATINUM from '@salesforce/label/c.DR_Console_Tier_PLATINUM';
import TIER_GOLD from '@salesforce/label/c.DR_Console_Tier_GOLD';
import TIER_SILVER from '@salesforce/label/c.DR_Console_Tier_SILVER';
import TIER_REGISTERED from '@salesforce/label/c.DR_Console_Tier_REGISTERED';
import BAND_SMALL from '@salesforce/label/c.DR_Console_Band_SMALL';
import BAND_MEDIUM from '@salesforce/label/c.DR_Console_Band_MEDIUM';
import BAND_LARGE from '@salesforce/label/c.DR_Console_Band_LARGE';
import COL_REGISTRATION from '@salesforce/label/c.DR_Console_Col_Registration';
import COL_SCORE from '@salesforce/label/c.DR_Console_Col_Score';
import COL_TRIAGE from '@salesforce/label/c.DR_Console_Col_Triage';
import COL_PARTNER from '@salesforce/label/c.DR_Console_Col_Partner';
import COL_TIER from '@salesforce/label/c.DR_Console_Col_Tier';
import COL_CUSTOMER from '@salesforce/label/c.DR_Console_Col_Customer';
import COL_REGION from '@salesforce/label/c.DR_Console_Col_Region';
import COL_VALUE from '@salesforce/label/c.DR_Console_Col_Value';
import COL_STATUS from '@salesforce/label/c.DR_Console_Col_Status';
import COL_AGE from '@salesforce/label/c.DR_Console_Col_Age';
import OVERDUE from '@salesforce/label/c.DR_Console_Overdue';
import QUEUE_EMPTY from '@salesforce/label/c.DR_Console_Queue_Empty';
import QUEUE_COUNT from '@salesforce/label/c.DR_Console_Queue_Count';
import LOAD_MORE from '@salesforce/label/c.DR_Console_Load_More';
import QUEUE_UPDATED from '@salesforce/label/c.DR_Console_Queue_Updated';
import LIVE_UNAVAILABLE from '@salesforce/label/c.DR_Console_Live_Unavailable';
import SELECT_ROW from '@salesforce/label/c.DR_Console_Select_Row';

import PARTNER_ANSWERED from '@salesforce/label/c.DR_Console_Partner_Answered';
export const LABELS = {
  Error_Title: ERROR_TITLE,
  Loading: LOADING,
  Refresh: REFRESH,
  Triage_AUTO_APPROVED: TRIAGE_AUTO_APPROVED,
  Triage_NEEDS_REVIEW: TRIAGE_NEEDS_REVIEW,
  Triage_FLAGGED_CONFLICT: TRIAGE_FLAGGED_CONFLICT,
  Not_Scored: NOT_SCORED,
  Queue_Title: QUEUE_TITLE,
  Filter_Triage: FILTER_TRIAGE,
  Filter_Region: FILTER_REGION,
  Filter_Tier: FILTER_TIER,
  Filter_Value: FILTER_VALUE,
  Filter_All: FILTER_ALL,
  Filter_Overdue: FILTER_OVERDUE,
  Tier_PLATINUM: TIER_PLATINUM,
  Tier_GOLD: TIER_GOLD,
  Tier_SILVER: TIER_SILVER,
  Tier_REGISTERED: TIER_REGISTERED,
  Band_SMALL: BAND_SMALL,
  Band_MEDIUM: BAND_MEDIUM,
  Band_LARGE: BAND_LARGE,
  Col_Registration: COL_REGISTRATION,
  Col_Score: COL_SCORE,
  Col_Triage: COL_TRIAGE,
  Col_Partner: COL_PARTNER,
  Col_Tier: COL_TIER,
  Col_Customer: COL_CUSTOMER,
  Col_Region: COL_REGION,
  Col_Value: COL_VALUE,
  Col_Status: COL_STATUS,
  Col_Age: COL_AGE,
  Overdue: OVERDUE,
  Queue_Empty: QUEUE_EMPTY,
  Queue_Count: QUEUE_COUNT,
  Load_More: LOAD_MORE,
  Queue_Updated: QUEUE_UPDATED,
  Live_Unavailable: LIVE_UNAVAILABLE,
  Select_Row: SELECT_ROW,
  Partner_Answered: PARTNER_ANSWERED
} as const;
