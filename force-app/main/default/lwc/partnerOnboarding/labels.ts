// Custom labels used by this component (PO_*), one import each so the platform tracks them.
import TITLE from '@salesforce/label/c.PO_Title';
import PROGRESS from '@salesforce/label/c.PO_Progress';
import NEXT_STEP from '@salesforce/label/c.PO_Next_Step';
import UNLOCKS from '@salesforce/label/c.PO_Unlocks';
import DUE from '@salesforce/label/c.PO_Due';
import OVERDUE from '@salesforce/label/c.PO_Overdue';
import DONE from '@salesforce/label/c.PO_Done';
import MANAGER_STEP from '@salesforce/label/c.PO_Manager_Step';
import MARK_DONE from '@salesforce/label/c.PO_Mark_Done';
import EVIDENCE_LABEL from '@salesforce/label/c.PO_Evidence_Label';
import EVIDENCE_REQUIRED from '@salesforce/label/c.PO_Evidence_Required';
import STEP_SAVED from '@salesforce/label/c.PO_Step_Saved';
import ALL_DONE from '@salesforce/label/c.PO_All_Done';
import EMPTY from '@salesforce/label/c.PO_Empty';
import STEPS_HEADING from '@salesforce/label/c.PO_Steps_Heading';
import ASSISTANT_TITLE from '@salesforce/label/c.PO_Assistant_Title';
import ASSISTANT_QUESTION from '@salesforce/label/c.PO_Assistant_Question';
import ASSISTANT_ASK from '@salesforce/label/c.PO_Assistant_Ask';
import ASSISTANT_SOURCES from '@salesforce/label/c.PO_Assistant_Sources';
import ASSISTANT_UNKNOWN_HINT from '@salesforce/label/c.PO_Assistant_Unknown_Hint';
import QUESTION_REQUIRED from '@salesforce/label/c.PO_Question_Required';
import ANSWER_HEADING from '@salesforce/label/c.PO_Answer_Heading';
import REFRESH from '@salesforce/label/c.PO_Refresh';

export const LABELS = {
  Title: TITLE,
  Progress: PROGRESS,
  Next_Step: NEXT_STEP,
  Unlocks: UNLOCKS,
  Due: DUE,
  Overdue: OVERDUE,
  Done: DONE,
  Manager_Step: MANAGER_STEP,
  Mark_Done: MARK_DONE,
  Evidence_Label: EVIDENCE_LABEL,
  Evidence_Required: EVIDENCE_REQUIRED,
  Step_Saved: STEP_SAVED,
  All_Done: ALL_DONE,
  Empty: EMPTY,
  Steps_Heading: STEPS_HEADING,
  Assistant_Title: ASSISTANT_TITLE,
  Assistant_Question: ASSISTANT_QUESTION,
  Assistant_Ask: ASSISTANT_ASK,
  Assistant_Sources: ASSISTANT_SOURCES,
  Assistant_Unknown_Hint: ASSISTANT_UNKNOWN_HINT,
  Question_Required: QUESTION_REQUIRED,
  Answer_Heading: ANSWER_HEADING,
  Refresh: REFRESH
} as const;
