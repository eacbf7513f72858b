// Custom labels used by this component (names DR_Enablement_<key> in labels/CustomLabels.labels-meta.xml).
import Title from '@salesforce/label/c.DR_Enablement_Title';
import Intro from '@salesforce/label/c.DR_Enablement_Intro';
import Done from '@salesforce/label/c.DR_Enablement_Done';
import Not_Relevant from '@salesforce/label/c.DR_Enablement_Not_Relevant';
import Open from '@salesforce/label/c.DR_Enablement_Open';
import Refresh from '@salesforce/label/c.DR_Enablement_Refresh';
import Empty from '@salesforce/label/c.DR_Enablement_Empty';
import Loading from '@salesforce/label/c.DR_Enablement_Loading';
import Marked_Done from '@salesforce/label/c.DR_Enablement_Marked_Done';
import Marked_Not_Relevant from '@salesforce/label/c.DR_Enablement_Marked_Not_Relevant';
import Type_Training from '@salesforce/label/c.DR_Enablement_Type_Training';
import Type_Battle_Card from '@salesforce/label/c.DR_Enablement_Type_Battle_Card';
import Type_Asset from '@salesforce/label/c.DR_Enablement_Type_Asset';
import Done_Label from '@salesforce/label/c.DR_Enablement_Done_Label';
import Not_Relevant_Label from '@salesforce/label/c.DR_Enablement_Not_Relevant_Label';
import Unavailable from '@salesforce/label/c.DR_Enablement_Unavailable';
import Level_Beginner from '@salesforce/label/c.DR_Enablement_Level_Beginner';
import Level_Intermediate from '@salesforce/label/c.DR_Enablement_Level_Intermediate';
import Level_Advanced from '@salesforce/label/c.DR_Enablement_Level_Advanced';
import Load_Failed from '@salesforce/label/c.DR_Portal_List_Load_Failed';

export const LABELS = {
  Title,
  Intro,
  Done,
  Not_Relevant,
  Open,
  Refresh,
  Empty,
  Loading,
  Marked_Done,
  Marked_Not_Relevant,
  Type_Training,
  Type_Battle_Card,
  Type_Asset,
  Done_Label,
  Not_Relevant_Label,
  Unavailable,
  Level_Beginner,
  Level_Intermediate,
  Level_Advanced,
  Load_Failed
};
