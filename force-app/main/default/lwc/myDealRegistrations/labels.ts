// Custom labels used by this component (names DR_Portal_List_<key> in labels/CustomLabels.labels-meta.xml).
import Title from '@salesforce/label/c.DR_Portal_List_Title';
import Refresh from '@salesforce/label/c.DR_Portal_List_Refresh';
import New_Registration from '@salesforce/label/c.DR_Portal_List_New_Registration';
import Close_New from '@salesforce/label/c.DR_Portal_List_Close_New';
import Filter_Label from '@salesforce/label/c.DR_Portal_List_Filter_Label';
import Filter_All from '@salesforce/label/c.DR_Portal_List_Filter_All';
import Live_On from '@salesforce/label/c.DR_Portal_List_Live_On';
import Load_Failed from '@salesforce/label/c.DR_Portal_List_Load_Failed';
import Empty from '@salesforce/label/c.DR_Portal_List_Empty';
import Empty_Filtered from '@salesforce/label/c.DR_Portal_List_Empty_Filtered';
import Col_Registration from '@salesforce/label/c.DR_Portal_List_Col_Registration';
import Col_Customer from '@salesforce/label/c.DR_Portal_List_Col_Customer';
import Col_Status from '@salesforce/label/c.DR_Portal_List_Col_Status';
import Col_Submitted from '@salesforce/label/c.DR_Portal_List_Col_Submitted';
import Col_Protection from '@salesforce/label/c.DR_Portal_List_Col_Protection';
import Col_Reason from '@salesforce/label/c.DR_Portal_List_Col_Reason';
import View_Details from '@salesforce/label/c.DR_Portal_List_View_Details';
import Detail_Title from '@salesforce/label/c.DR_Portal_List_Detail_Title';
import Detail_Message from '@salesforce/label/c.DR_Portal_List_Detail_Message';
import Detail_Next from '@salesforce/label/c.DR_Portal_List_Detail_Next';
import From_Email from '@salesforce/label/c.DR_Portal_List_From_Email';
import Next_Draft from '@salesforce/label/c.DR_Portal_List_Next_Draft';
import Next_Submitted from '@salesforce/label/c.DR_Portal_List_Next_Submitted';
import Next_In_Review from '@salesforce/label/c.DR_Portal_List_Next_In_Review';
import Next_More_Info from '@salesforce/label/c.DR_Portal_List_Next_More_Info';
import Next_Approved from '@salesforce/label/c.DR_Portal_List_Next_Approved';
import Next_Rejected from '@salesforce/label/c.DR_Portal_List_Next_Rejected';
import Next_Expired from '@salesforce/label/c.DR_Portal_List_Next_Expired';
import Next_Withdrawn from '@salesforce/label/c.DR_Portal_List_Next_Withdrawn';
import Next_Unknown from '@salesforce/label/c.DR_Portal_List_Next_Unknown';
import Extension_Pending from '@salesforce/label/c.DR_Portal_List_Extension_Pending';
import Extension_Start from '@salesforce/label/c.DR_Portal_List_Extension_Start';
import Extension_Reason from '@salesforce/label/c.DR_Portal_List_Extension_Reason';
import Extension_Confirm from '@salesforce/label/c.DR_Portal_List_Extension_Confirm';
import Extension_Done from '@salesforce/label/c.DR_Portal_List_Extension_Done';
import Withdraw_Start from '@salesforce/label/c.DR_Portal_List_Withdraw_Start';
import Withdraw_Reason from '@salesforce/label/c.DR_Portal_List_Withdraw_Reason';
import Withdraw_Confirm from '@salesforce/label/c.DR_Portal_List_Withdraw_Confirm';
import Withdraw_Done from '@salesforce/label/c.DR_Portal_List_Withdraw_Done';
import Reason_Required from '@salesforce/label/c.DR_Portal_List_Reason_Required';
import Action_Failed from '@salesforce/label/c.DR_Portal_List_Action_Failed';
import Cancel from '@salesforce/label/c.DR_Portal_List_Cancel';
import Ask_Label from '@salesforce/label/c.DR_Portal_List_Ask_Label';
import Ask_Placeholder from '@salesforce/label/c.DR_Portal_List_Ask_Placeholder';
import Ask_Button from '@salesforce/label/c.DR_Portal_List_Ask_Button';
import Ask_Unavailable from '@salesforce/label/c.DR_Portal_List_Ask_Unavailable';

export const LABELS = {
  Title,
  Refresh,
  New_Registration,
  Close_New,
  Filter_Label,
  Filter_All,
  Live_On,
  Load_Failed,
  Empty,
  Empty_Filtered,
  Col_Registration,
  Col_Customer,
  Col_Status,
  Col_Submitted,
  Col_Protection,
  Col_Reason,
  View_Details,
  Detail_Title,
  Detail_Message,
  Detail_Next,
  From_Email,
  Next_Draft,
  Next_Submitted,
  Next_In_Review,
  Next_More_Info,
  Next_Approved,
  Next_Rejected,
  Next_Expired,
  Next_Withdrawn,
  Next_Unknown,
  Extension_Pending,
  Extension_Start,
  Extension_Reason,
  Extension_Confirm,
  Extension_Done,
  Withdraw_Start,
  Withdraw_Reason,
  Withdraw_Confirm,
  Withdraw_Done,
  Reason_Required,
  Action_Failed,
  Cancel,
  Ask_Label,
  Ask_Placeholder,
  Ask_Button,
  Ask_Unavailable
};
