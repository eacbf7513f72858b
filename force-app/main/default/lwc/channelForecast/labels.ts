// Custom labels used by this component (DR_Forecast_*), one import each so the platform tracks them.
import TITLE from '@salesforce/label/c.DR_Forecast_Title';
import RUN_NOW from '@salesforce/label/c.DR_Forecast_Run_Now';
import RUN_STARTED from '@salesforce/label/c.DR_Forecast_Run_Started';
import EMPTY from '@salesforce/label/c.DR_Forecast_Empty';
import AS_OF from '@salesforce/label/c.DR_Forecast_As_Of';
import CHART_TITLE from '@salesforce/label/c.DR_Forecast_Chart_Title';
import CHART_SUMMARY from '@salesforce/label/c.DR_Forecast_Chart_Summary';
import QUARTER from '@salesforce/label/c.DR_Forecast_Quarter';
import P10 from '@salesforce/label/c.DR_Forecast_P10';
import P50 from '@salesforce/label/c.DR_Forecast_P50';
import P90 from '@salesforce/label/c.DR_Forecast_P90';
import REGISTERED from '@salesforce/label/c.DR_Forecast_Registered';
import NOT_YET_REGISTERED from '@salesforce/label/c.DR_Forecast_Not_Yet_Registered';
import CLOSED_TO_DATE from '@salesforce/label/c.DR_Forecast_Closed_To_Date';
import STAGE_PROBABILITY from '@salesforce/label/c.DR_Forecast_Stage_Probability';
import LAST_YEAR from '@salesforce/label/c.DR_Forecast_Last_Year';
import NOT_ENOUGH from '@salesforce/label/c.DR_Forecast_Not_Enough';
import DRIVERS from '@salesforce/label/c.DR_Forecast_Drivers';
import SEGMENTS from '@salesforce/label/c.DR_Forecast_Segments';
import SEGMENT from '@salesforce/label/c.DR_Forecast_Segment';
import OPEN_DEALS from '@salesforce/label/c.DR_Forecast_Open_Deals';
import INSIGHTS_MANAGER from '@salesforce/label/c.DR_Forecast_Insights_Manager';
import INSIGHTS_PARTNER from '@salesforce/label/c.DR_Forecast_Insights_Partner';
import NO_INSIGHTS from '@salesforce/label/c.DR_Forecast_No_Insights';
import LAST_QUARTER from '@salesforce/label/c.DR_Forecast_Last_Quarter';
import LAST_QUARTER_TEXT from '@salesforce/label/c.DR_Forecast_Last_Quarter_Text';
import INSIDE_BAND from '@salesforce/label/c.DR_Forecast_Inside_Band';
import OUTSIDE_BAND from '@salesforce/label/c.DR_Forecast_Outside_Band';
import NO_LAST_QUARTER from '@salesforce/label/c.DR_Forecast_No_Last_Quarter';
import LEGEND_BAND from '@salesforce/label/c.DR_Forecast_Legend_Band';
import LEGEND_STAGE from '@salesforce/label/c.DR_Forecast_Legend_Stage';
import LEGEND_ACTUAL from '@salesforce/label/c.DR_Forecast_Legend_Actual';
import ERROR_TITLE from '@salesforce/label/c.DR_Console_Error_Title';
import LOADING from '@salesforce/label/c.DR_Console_Loading';
import REFRESH from '@salesforce/label/c.DR_Console_Refresh';

export const LABELS = {
  Title: TITLE,
  Run_Now: RUN_NOW,
  Run_Started: RUN_STARTED,
  Empty: EMPTY,
  As_Of: AS_OF,
  Chart_Title: CHART_TITLE,
  Chart_Summary: CHART_SUMMARY,
  Quarter: QUARTER,
  P10: P10,
  P50: P50,
  P90: P90,
  Registered: REGISTERED,
  Not_Yet_Registered: NOT_YET_REGISTERED,
  Closed_To_Date: CLOSED_TO_DATE,
  Stage_Probability: STAGE_PROBABILITY,
  Last_Year: LAST_YEAR,
  Not_Enough: NOT_ENOUGH,
  Drivers: DRIVERS,
  Segments: SEGMENTS,
  Segment: SEGMENT,
  Open_Deals: OPEN_DEALS,
  Insights_Manager: INSIGHTS_MANAGER,
  Insights_Partner: INSIGHTS_PARTNER,
  No_Insights: NO_INSIGHTS,
  Last_Quarter: LAST_QUARTER,
  Last_Quarter_Text: LAST_QUARTER_TEXT,
  Inside_Band: INSIDE_BAND,
  Outside_Band: OUTSIDE_BAND,
  No_Last_Quarter: NO_LAST_QUARTER,
  Legend_Band: LEGEND_BAND,
  Legend_Stage: LEGEND_STAGE,
  Legend_Actual: LEGEND_ACTUAL,
  Error_Title: ERROR_TITLE,
  Loading: LOADING,
  Refresh: REFRESH
} as const;
