// Custom labels used by this component (PS_*, tier names shared with the console), one import each.
import TITLE from '@salesforce/label/c.PS_Title';
import TIER from '@salesforce/label/c.PS_Tier';
import NEXT from '@salesforce/label/c.PS_Next';
import TOP from '@salesforce/label/c.PS_Top';
import NOT_REVIEWED from '@salesforce/label/c.PS_Not_Reviewed';
import REVIEWED_ON from '@salesforce/label/c.PS_Reviewed_On';
import TIER_PLATINUM from '@salesforce/label/c.DR_Console_Tier_PLATINUM';
import TIER_GOLD from '@salesforce/label/c.DR_Console_Tier_GOLD';
import TIER_SILVER from '@salesforce/label/c.DR_Console_Tier_SILVER';
import TIER_REGISTERED from '@salesforce/label/c.DR_Console_Tier_REGISTERED';

export const LABELS = {
  Title: TITLE,
  Tier: TIER,
  Next: NEXT,
  Top: TOP,
  Not_Reviewed: NOT_REVIEWED,
  Reviewed_On: REVIEWED_ON,
  Tier_PLATINUM: TIER_PLATINUM,
  Tier_GOLD: TIER_GOLD,
  Tier_SILVER: TIER_SILVER,
  Tier_REGISTERED: TIER_REGISTERED
} as const;
