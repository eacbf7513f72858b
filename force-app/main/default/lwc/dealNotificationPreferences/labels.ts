// Custom labels used by this component (DR_Prefs_*), one import each so the platform tracks them.
import TITLE from '@salesforce/label/c.DR_Prefs_Title';
import EVENTS from '@salesforce/label/c.DR_Prefs_Events';
import CHANNEL from '@salesforce/label/c.DR_Prefs_Channel';
import CHANNEL_BOTH from '@salesforce/label/c.DR_Prefs_Channel_Both';
import CHANNEL_BELL from '@salesforce/label/c.DR_Prefs_Channel_Bell';
import DIGEST from '@salesforce/label/c.DR_Prefs_Digest';
import OUT_OF_OFFICE from '@salesforce/label/c.DR_Prefs_Out_Of_Office';
import OUT_OF_OFFICE_UNTIL from '@salesforce/label/c.DR_Prefs_Out_Of_Office_Until';
import SAVE from '@salesforce/label/c.DR_Prefs_Save';
import SAVED from '@salesforce/label/c.DR_Prefs_Saved';
import NONE_SELECTED from '@salesforce/label/c.DR_Prefs_None_Selected';
import UNTIL_PAST from '@salesforce/label/c.DR_Prefs_Until_Past';
import LOADING from '@salesforce/label/c.DR_Console_Loading';

export const LABELS = {
  Title: TITLE,
  Events: EVENTS,
  Channel: CHANNEL,
  Channel_Both: CHANNEL_BOTH,
  Channel_Bell: CHANNEL_BELL,
  Digest: DIGEST,
  Out_Of_Office: OUT_OF_OFFICE,
  Out_Of_Office_Until: OUT_OF_OFFICE_UNTIL,
  Save: SAVE,
  Saved: SAVED,
  None_Selected: NONE_SELECTED,
  Until_Past: UNTIL_PAST,
  Loading: LOADING
} as const;
