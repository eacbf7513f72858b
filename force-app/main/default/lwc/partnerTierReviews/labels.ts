// Custom labels used by this component (PT_*, tier names shared with the queue), one import each.
import TITLE from '@salesforce/label/c.PT_Title';
import EMPTY from '@salesforce/label/c.PT_Empty';
import APPROVE from '@salesforce/label/c.PT_Approve';
import REJECT from '@salesforce/label/c.PT_Reject';
import COMMENT from '@salesforce/label/c.PT_Comment';
import COMMENT_REQUIRED from '@salesforce/label/c.PT_Comment_Required';
import DECIDED from '@salesforce/label/c.PT_Decided';
import EVIDENCE from '@salesforce/label/c.PT_Evidence';
import PENDING from '@salesforce/label/c.PT_Pending';
import TIER_CHANGE from '@salesforce/label/c.PT_Tier_Change';
import ACTION_PROMOTE from '@salesforce/label/c.PT_Action_PROMOTE';
import ACTION_KEEP from '@salesforce/label/c.PT_Action_KEEP';
import ACTION_AT_RISK from '@salesforce/label/c.PT_Action_AT_RISK';
import ACTION_DEMOTE from '@salesforce/label/c.PT_Action_DEMOTE';
import TIER_PLATINUM from '@salesforce/label/c.DR_Console_Tier_PLATINUM';
import TIER_GOLD from '@salesforce/label/c.DR_Console_Tier_GOLD';
import TIER_SILVER from '@salesforce/label/c.DR_Console_Tier_SILVER';
import TIER_REGISTERED from '@salesforce/label/c.DR_Console_Tier_REGISTERED';
import REFRESH from '@salesforce/label/c.PO_Refresh';

export const LABELS = {
  Title: TITLE,
  Empty: EMPTY,
  Approve: APPROVE,
  Reject: REJECT,
  Comment: COMMENT,
  Comment_Required: COMMENT_REQUIRED,
  Decided: DECIDED,
  Evidence: EVIDENCE,
  Pending: PENDING,
  Tier_Change: TIER_CHANGE,
  Action_PROMOTE: ACTION_PROMOTE,
  Action_KEEP: ACTION_KEEP,
  Action_AT_RISK: ACTION_AT_RISK,
  Action_DEMOTE: ACTION_DEMOTE,
  Tier_PLATINUM: TIER_PLATINUM,
  Tier_GOLD: TIER_GOLD,
  Tier_SILVER: TIER_SILVER,
  Tier_REGISTERED: TIER_REGISTERED,
  Refresh: REFRESH
} as const;
