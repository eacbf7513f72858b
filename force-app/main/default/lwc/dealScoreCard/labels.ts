// Custom labels used by this component (DR_Console_*), one import each so the platform tracks them.
import ERROR_TITLE from '@salesforce/label/c.DR_Console_Error_Title';
import LOADING from '@salesforce/label/c.DR_Console_Loading';
import REFRESH from '@salesforce/label/c.DR_Console_Refresh';
import TRIAGE_AUTO_APPROVED from '@salesforce/label/c.DR_Console_Triage_AUTO_APPROVED';
import TRIAGE_NEEDS_REVIEW from '@salesforce/label/c.DR_Console_Triage_NEEDS_REVIEW';
import TRIAGE_FLAGGED_CONFLICT from '@salesforce/label/c.DR_Console_Triage_FLAGGED_CONFLICT';
import NOT_SCORED from '@salesforce/label/c.DR_Console_Not_Scored';
import CARD_TITLE from '@salesforce/label/c.DR_Console_Card_Title';
import CARD_SELECT from '@salesforce/label/c.DR_Console_Card_Select';
import SHADOW_BANNER from '@salesforce/label/c.DR_Console_Shadow_Banner';
import SCORE from '@salesforce/label/c.DR_Console_Score';
import SCORE_OF from '@salesforce/label/c.DR_Console_Score_Of';
import CONFIDENCE from '@salesforce/label/c.DR_Console_Confidence';
import CONFIDENCE_HIGH from '@salesforce/label/c.DR_Console_Confidence_HIGH';
import CONFIDENCE_MEDIUM from '@salesforce/label/c.DR_Console_Confidence_MEDIUM';
import CONFIDENCE_LOW from '@salesforce/label/c.DR_Console_Confidence_LOW';
import RECOMMENDED from '@salesforce/label/c.DR_Console_Recommended';
import REC_AUTO_APPROVE from '@salesforce/label/c.DR_Console_Rec_AUTO_APPROVE';
import REC_ROUTE_FOR_REVIEW from '@salesforce/label/c.DR_Console_Rec_ROUTE_FOR_REVIEW';
import REC_REVIEW_CONFLICT from '@salesforce/label/c.DR_Console_Rec_REVIEW_CONFLICT';
import REC_REQUEST_MORE_INFO from '@salesforce/label/c.DR_Console_Rec_REQUEST_MORE_INFO';
import RATIONALE from '@salesforce/label/c.DR_Console_Rationale';
import FALLBACK from '@salesforce/label/c.DR_Console_Fallback';
import PARSE_WARNING from '@salesforce/label/c.DR_Console_Parse_Warning';
import NO_RECOMMENDATION from '@salesforce/label/c.DR_Console_No_Recommendation';
import POSITIVE_FACTORS from '@salesforce/label/c.DR_Console_Positive_Factors';
import NEGATIVE_FACTORS from '@salesforce/label/c.DR_Console_Negative_Factors';
import NO_FACTORS from '@salesforce/label/c.DR_Console_No_Factors';
import POINTS from '@salesforce/label/c.DR_Console_Points';
import MISSING_FIELDS from '@salesforce/label/c.DR_Console_Missing_Fields';
import NO_MISSING from '@salesforce/label/c.DR_Console_No_Missing';
import CONFLICTS from '@salesforce/label/c.DR_Console_Conflicts';
import NO_CONFLICTS from '@salesforce/label/c.DR_Console_No_Conflicts';
import MDF_CLAIMS from '@salesforce/label/c.DR_Console_MDF_Claims';
import THIS_REGISTRATION from '@salesforce/label/c.DR_Console_This_Registration';
import SIMILARITY from '@salesforce/label/c.DR_Console_Similarity';
import CONFLICT_HIDDEN from '@salesforce/label/c.DR_Console_Conflict_Hidden';
import REASONS from '@salesforce/label/c.DR_Console_Reasons';
import FIELD_CUSTOMER from '@salesforce/label/c.DR_Console_Field_Customer';
import FIELD_DOMAIN from '@salesforce/label/c.DR_Console_Field_Domain';
import FIELD_PARTNER from '@salesforce/label/c.DR_Console_Field_Partner';
import FIELD_STATUS from '@salesforce/label/c.DR_Console_Field_Status';
import FIELD_STARTED from '@salesforce/label/c.DR_Console_Field_Started';
import FIELD_CLOSE from '@salesforce/label/c.DR_Console_Field_Close';
import FIELD_VALUE from '@salesforce/label/c.DR_Console_Field_Value';
import FIELD_REGION from '@salesforce/label/c.DR_Console_Field_Region';
import FIELD_PRODUCTS from '@salesforce/label/c.DR_Console_Field_Products';
import FIELD_OPPORTUNITY from '@salesforce/label/c.DR_Console_Field_Opportunity';
import SAME_DEAL from '@salesforce/label/c.DR_Console_Same_Deal';
import OTHER_DEAL from '@salesforce/label/c.DR_Console_Other_Deal';
import DEAL_REASONS from '@salesforce/label/c.DR_Console_Deal_Reasons';
import FIELD_PROTECTION from '@salesforce/label/c.DR_Console_Field_Protection';
import OPEN_RECORD from '@salesforce/label/c.DR_Console_Open_Record';
import KIND_REGISTRATION from '@salesforce/label/c.DR_Console_Kind_registration';
import KIND_OPPORTUNITY from '@salesforce/label/c.DR_Console_Kind_opportunity';
import KIND_ACCOUNT from '@salesforce/label/c.DR_Console_Kind_account';
import ACTION_APPROVE from '@salesforce/label/c.DR_Console_Action_APPROVE';
import ACTION_REJECT from '@salesforce/label/c.DR_Console_Action_REJECT';
import ACTION_REQUEST_INFO from '@salesforce/label/c.DR_Console_Action_REQUEST_INFO';
import ACTION_REASSIGN from '@salesforce/label/c.DR_Console_Action_REASSIGN';
import ACTIONS from '@salesforce/label/c.DR_Console_Actions';
import REASON from '@salesforce/label/c.DR_Console_Reason';
import REASON_HELP from '@salesforce/label/c.DR_Console_Reason_Help';
import REASON_HELP_INFO from '@salesforce/label/c.DR_Console_Reason_Help_Info';
import REASSIGN_TO from '@salesforce/label/c.DR_Console_Reassign_To';
import OVERRIDE_WARNING from '@salesforce/label/c.DR_Console_Override_Warning';
import AGREES from '@salesforce/label/c.DR_Console_Agrees';
import CONFIRM from '@salesforce/label/c.DR_Console_Confirm';
import CANCEL from '@salesforce/label/c.DR_Console_Cancel';
import DECIDED_APPROVE from '@salesforce/label/c.DR_Console_Decided_APPROVE';
import DECIDED_REJECT from '@salesforce/label/c.DR_Console_Decided_REJECT';
import DECIDED_REQUEST_INFO from '@salesforce/label/c.DR_Console_Decided_REQUEST_INFO';
import DECIDED_REASSIGN from '@salesforce/label/c.DR_Console_Decided_REASSIGN';
import REASON_LABEL_REQUIRED from '@salesforce/label/c.DR_Console_Reason_Label_Required';
import DECISION_SAVED_OVERRIDE from '@salesforce/label/c.DR_Console_Decision_Saved_Override';
import DECISION_FAILED from '@salesforce/label/c.DR_Console_Decision_Failed';
import DECIDED from '@salesforce/label/c.DR_Console_Decided';
import OVERDUE_BANNER from '@salesforce/label/c.DR_Console_Overdue_Banner';
import ASSIGNED_TO from '@salesforce/label/c.DR_Console_Assigned_To';
import ASSIGNMENT_RULE from '@salesforce/label/c.DR_Console_Assignment_Rule';
import UNASSIGNED from '@salesforce/label/c.DR_Console_Unassigned';
import NOT_ROUTED from '@salesforce/label/c.DR_Console_Not_Routed';
import ESCALATION_LEVEL from '@salesforce/label/c.DR_Console_Escalation_Level';
import TIMELINE from '@salesforce/label/c.DR_Console_Timeline';
import TIMELINE_EMPTY from '@salesforce/label/c.DR_Console_Timeline_Empty';
import EXTENSION from '@salesforce/label/c.DR_Console_Extension';
import EXTENSION_APPROVE from '@salesforce/label/c.DR_Console_Extension_Approve';
import EXTENSION_REJECT from '@salesforce/label/c.DR_Console_Extension_Reject';
import EXTENSION_SAVED from '@salesforce/label/c.DR_Console_Extension_Saved';
import PARTNER_RESPONSE from '@salesforce/label/c.DR_Console_Partner_Response';

import REASON_REQUIRED from '@salesforce/label/c.DR_Console_Reason_Required';
import REASSIGN_USER_REQUIRED from '@salesforce/label/c.DR_Console_Reassign_User_Required';
export const LABELS = {
  Error_Title: ERROR_TITLE,
  Loading: LOADING,
  Refresh: REFRESH,
  Triage_AUTO_APPROVED: TRIAGE_AUTO_APPROVED,
  Triage_NEEDS_REVIEW: TRIAGE_NEEDS_REVIEW,
  Triage_FLAGGED_CONFLICT: TRIAGE_FLAGGED_CONFLICT,
  Not_Scored: NOT_SCORED,
  Card_Title: CARD_TITLE,
  Card_Select: CARD_SELECT,
  Shadow_Banner: SHADOW_BANNER,
  Score: SCORE,
  Score_Of: SCORE_OF,
  Confidence: CONFIDENCE,
  Confidence_HIGH: CONFIDENCE_HIGH,
  Confidence_MEDIUM: CONFIDENCE_MEDIUM,
  Confidence_LOW: CONFIDENCE_LOW,
  Recommended: RECOMMENDED,
  Rec_AUTO_APPROVE: REC_AUTO_APPROVE,
  Rec_ROUTE_FOR_REVIEW: REC_ROUTE_FOR_REVIEW,
  Rec_REVIEW_CONFLICT: REC_REVIEW_CONFLICT,
  Rec_REQUEST_MORE_INFO: REC_REQUEST_MORE_INFO,
  Rationale: RATIONALE,
  Fallback: FALLBACK,
  Parse_Warning: PARSE_WARNING,
  No_Recommendation: NO_RECOMMENDATION,
  Positive_Factors: POSITIVE_FACTORS,
  Negative_Factors: NEGATIVE_FACTORS,
  No_Factors: NO_FACTORS,
  Points: POINTS,
  Missing_Fields: MISSING_FIELDS,
  No_Missing: NO_MISSING,
  Conflicts: CONFLICTS,
  No_Conflicts: NO_CONFLICTS,
  MDF_Claims: MDF_CLAIMS,
  This_Registration: THIS_REGISTRATION,
  Similarity: SIMILARITY,
  Conflict_Hidden: CONFLICT_HIDDEN,
  Reasons: REASONS,
  Field_Customer: FIELD_CUSTOMER,
  Field_Domain: FIELD_DOMAIN,
  Field_Partner: FIELD_PARTNER,
  Field_Status: FIELD_STATUS,
  Field_Started: FIELD_STARTED,
  Field_Close: FIELD_CLOSE,
  Field_Value: FIELD_VALUE,
  Field_Region: FIELD_REGION,
  Field_Products: FIELD_PRODUCTS,
  Field_Opportunity: FIELD_OPPORTUNITY,
  Same_Deal: SAME_DEAL,
  Other_Deal: OTHER_DEAL,
  Deal_Reasons: DEAL_REASONS,
  Field_Protection: FIELD_PROTECTION,
  Open_Record: OPEN_RECORD,
  Kind_registration: KIND_REGISTRATION,
  Kind_opportunity: KIND_OPPORTUNITY,
  Kind_account: KIND_ACCOUNT,
  Action_APPROVE: ACTION_APPROVE,
  Action_REJECT: ACTION_REJECT,
  Action_REQUEST_INFO: ACTION_REQUEST_INFO,
  Action_REASSIGN: ACTION_REASSIGN,
  Actions: ACTIONS,
  Reason: REASON,
  Reason_Help: REASON_HELP,
  Reason_Help_Info: REASON_HELP_INFO,
  Reassign_To: REASSIGN_TO,
  Override_Warning: OVERRIDE_WARNING,
  Agrees: AGREES,
  Confirm: CONFIRM,
  Cancel: CANCEL,
  Decided_APPROVE: DECIDED_APPROVE,
  Decided_REJECT: DECIDED_REJECT,
  Decided_REQUEST_INFO: DECIDED_REQUEST_INFO,
  Decided_REASSIGN: DECIDED_REASSIGN,
  Reason_Label_Required: REASON_LABEL_REQUIRED,
  Decision_Saved_Override: DECISION_SAVED_OVERRIDE,
  Decision_Failed: DECISION_FAILED,
  Decided: DECIDED,
  Overdue_Banner: OVERDUE_BANNER,
  Assigned_To: ASSIGNED_TO,
  Assignment_Rule: ASSIGNMENT_RULE,
  Unassigned: UNASSIGNED,
  Not_Routed: NOT_ROUTED,
  Escalation_Level: ESCALATION_LEVEL,
  Timeline: TIMELINE,
  Timeline_Empty: TIMELINE_EMPTY,
  Extension: EXTENSION,
  Extension_Approve: EXTENSION_APPROVE,
  Extension_Reject: EXTENSION_REJECT,
  Extension_Saved: EXTENSION_SAVED,
  Partner_Response: PARTNER_RESPONSE,
  Reason_Required: REASON_REQUIRED,
  Reassign_User_Required: REASSIGN_USER_REQUIRED
} as const;
