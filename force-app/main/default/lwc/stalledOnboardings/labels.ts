// Custom labels used by this component (PS_Stalled_*, PS_Col_*), one import each.
import TITLE from '@salesforce/label/c.PS_Stalled_Title';
import EMPTY from '@salesforce/label/c.PS_Stalled_Empty';
import DAYS_OVERDUE from '@salesforce/label/c.PS_Days_Overdue';
import COL_PARTNER from '@salesforce/label/c.PS_Col_Partner';
import COL_TYPE from '@salesforce/label/c.PS_Col_Type';
import COL_PROGRESS from '@salesforce/label/c.PS_Col_Progress';
import COL_NEXT from '@salesforce/label/c.PS_Col_Next';
import COL_DUE from '@salesforce/label/c.PS_Col_Due';
import COL_MANAGER from '@salesforce/label/c.PS_Col_Manager';
import COL_ACTION from '@salesforce/label/c.PS_Col_Action';
import COMPLETE_MANAGER_STEP from '@salesforce/label/c.PS_Complete_Manager_Step';
import STEP_SAVED from '@salesforce/label/c.PO_Step_Saved';
import REFRESH from '@salesforce/label/c.PO_Refresh';

export const LABELS = {
  Title: TITLE,
  Empty: EMPTY,
  Days_Overdue: DAYS_OVERDUE,
  Col_Partner: COL_PARTNER,
  Col_Type: COL_TYPE,
  Col_Progress: COL_PROGRESS,
  Col_Next: COL_NEXT,
  Col_Due: COL_DUE,
  Col_Manager: COL_MANAGER,
  Col_Action: COL_ACTION,
  Complete_Manager_Step: COMPLETE_MANAGER_STEP,
  Step_Saved: STEP_SAVED,
  Refresh: REFRESH
} as const;
