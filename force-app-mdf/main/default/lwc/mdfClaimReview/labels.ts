// Custom labels used by this component (MDF_Review_*, MDF_Role_*), one import each so the platform tracks them.
import ROLE_INVOICE from '@salesforce/label/c.MDF_Role_invoice';
import ROLE_PROOF from '@salesforce/label/c.MDF_Role_proof';
import TITLE_LABEL from '@salesforce/label/c.MDF_Review_Title';
import LOADING_LABEL from '@salesforce/label/c.MDF_Review_Loading';
import NEEDS_RECORD_LABEL from '@salesforce/label/c.MDF_Review_Needs_Record';
import RECOMMENDATION_LABEL from '@salesforce/label/c.MDF_Review_Recommendation';
import NO_RESULT_LABEL from '@salesforce/label/c.MDF_Review_No_Result';
import FACT_PARTNER_LABEL from '@salesforce/label/c.MDF_Review_Fact_Partner';
import FACT_FUND_REQUEST_LABEL from '@salesforce/label/c.MDF_Review_Fact_Fund_Request';
import FACT_APPROVED_LABEL from '@salesforce/label/c.MDF_Review_Fact_Approved';
import FACT_CLAIMED_LABEL from '@salesforce/label/c.MDF_Review_Fact_Claimed';
import FACT_PAYOUT_LABEL from '@salesforce/label/c.MDF_Review_Fact_Payout';
import FACT_ACTIVITY_LABEL from '@salesforce/label/c.MDF_Review_Fact_Activity';
import FACT_REGISTRATION_LABEL from '@salesforce/label/c.MDF_Review_Fact_Registration';
import FACT_STAGE_LABEL from '@salesforce/label/c.MDF_Review_Fact_Stage';
import ACTIVITY_DATES_LABEL from '@salesforce/label/c.MDF_Review_Activity_Dates';
import DATE_OPEN_LABEL from '@salesforce/label/c.MDF_Review_Date_Open';
import DISCREPANCIES_LABEL from '@salesforce/label/c.MDF_Review_Discrepancies';
import NO_DISCREPANCIES_LABEL from '@salesforce/label/c.MDF_Review_No_Discrepancies';
import COL_FIELD_LABEL from '@salesforce/label/c.MDF_Review_Col_Field';
import COL_READ_LABEL from '@salesforce/label/c.MDF_Review_Col_Read';
import COL_CLAIM_LABEL from '@salesforce/label/c.MDF_Review_Col_Claim';
import COL_CONFIDENCE_LABEL from '@salesforce/label/c.MDF_Review_Col_Confidence';
import COL_SOURCE_LABEL from '@salesforce/label/c.MDF_Review_Col_Source';
import CONFIDENCE_LABEL from '@salesforce/label/c.MDF_Review_Confidence';
import NOT_CHECKED_LABEL from '@salesforce/label/c.MDF_Review_Not_Checked';
import READ_OCR_LABEL from '@salesforce/label/c.MDF_Review_Read_OCR';
import READ_TEXT_LABEL from '@salesforce/label/c.MDF_Review_Read_Text';
import NO_TEXT_LABEL from '@salesforce/label/c.MDF_Review_No_Text';
import RECONCILIATION_LABEL from '@salesforce/label/c.MDF_Review_Reconciliation';
import CLAIMED_COSTS_LABEL from '@salesforce/label/c.MDF_Review_Claimed_Costs';
import COST_LINE_LABEL from '@salesforce/label/c.MDF_Review_Cost_Line';
import PARTNER_EXPLANATION_LABEL from '@salesforce/label/c.MDF_Review_Partner_Explanation';
import DECIDED_LABEL from '@salesforce/label/c.MDF_Review_Decided';
import DECIDED_OVERRIDE_LABEL from '@salesforce/label/c.MDF_Review_Decided_Override';
import WITH_REASON_LABEL from '@salesforce/label/c.MDF_Review_With_Reason';
import OVERRIDE_WARNING_LABEL from '@salesforce/label/c.MDF_Review_Override_Warning';
import REASON_LABEL from '@salesforce/label/c.MDF_Review_Reason';
import COMMENT_LABEL from '@salesforce/label/c.MDF_Review_Comment';
import REASON_MISSING_LABEL from '@salesforce/label/c.MDF_Review_Reason_Missing';
import REASON_OVERRIDE_LABEL from '@salesforce/label/c.MDF_Review_Reason_Override';
import REASON_PARTNER_LABEL from '@salesforce/label/c.MDF_Review_Reason_Partner';
import CANCEL_LABEL from '@salesforce/label/c.MDF_Review_Cancel';
import CONFIRM_LABEL from '@salesforce/label/c.MDF_Review_Confirm';
import ACTION_APPROVE_LABEL from '@salesforce/label/c.MDF_Review_Action_APPROVE';
import ACTION_REJECT_LABEL from '@salesforce/label/c.MDF_Review_Action_REJECT';
import ACTION_REQUEST_INFO_LABEL from '@salesforce/label/c.MDF_Review_Action_REQUEST_INFO';
import DONE_LABEL from '@salesforce/label/c.MDF_Review_Done';
export const LABELS = {
  Role_invoice: ROLE_INVOICE,
  Role_proof: ROLE_PROOF,
  Title: TITLE_LABEL,
  Loading: LOADING_LABEL,
  Needs_Record: NEEDS_RECORD_LABEL,
  Recommendation: RECOMMENDATION_LABEL,
  No_Result: NO_RESULT_LABEL,
  Fact_Partner: FACT_PARTNER_LABEL,
  Fact_Fund_Request: FACT_FUND_REQUEST_LABEL,
  Fact_Approved: FACT_APPROVED_LABEL,
  Fact_Claimed: FACT_CLAIMED_LABEL,
  Fact_Payout: FACT_PAYOUT_LABEL,
  Fact_Activity: FACT_ACTIVITY_LABEL,
  Fact_Registration: FACT_REGISTRATION_LABEL,
  Fact_Stage: FACT_STAGE_LABEL,
  Activity_Dates: ACTIVITY_DATES_LABEL,
  Date_Open: DATE_OPEN_LABEL,
  Discrepancies: DISCREPANCIES_LABEL,
  No_Discrepancies: NO_DISCREPANCIES_LABEL,
  Col_Field: COL_FIELD_LABEL,
  Col_Read: COL_READ_LABEL,
  Col_Claim: COL_CLAIM_LABEL,
  Col_Confidence: COL_CONFIDENCE_LABEL,
  Col_Source: COL_SOURCE_LABEL,
  Confidence: CONFIDENCE_LABEL,
  Not_Checked: NOT_CHECKED_LABEL,
  Read_OCR: READ_OCR_LABEL,
  Read_Text: READ_TEXT_LABEL,
  No_Text: NO_TEXT_LABEL,
  Reconciliation: RECONCILIATION_LABEL,
  Claimed_Costs: CLAIMED_COSTS_LABEL,
  Cost_Line: COST_LINE_LABEL,
  Partner_Explanation: PARTNER_EXPLANATION_LABEL,
  Decided: DECIDED_LABEL,
  Decided_Override: DECIDED_OVERRIDE_LABEL,
  With_Reason: WITH_REASON_LABEL,
  Override_Warning: OVERRIDE_WARNING_LABEL,
  Reason: REASON_LABEL,
  Comment: COMMENT_LABEL,
  Reason_Missing: REASON_MISSING_LABEL,
  Reason_Override: REASON_OVERRIDE_LABEL,
  Reason_Partner: REASON_PARTNER_LABEL,
  Cancel: CANCEL_LABEL,
  Confirm: CONFIRM_LABEL,
  Action_APPROVE: ACTION_APPROVE_LABEL,
  Action_REJECT: ACTION_REJECT_LABEL,
  Action_REQUEST_INFO: ACTION_REQUEST_INFO_LABEL,
  Done: DONE_LABEL
} as const;
