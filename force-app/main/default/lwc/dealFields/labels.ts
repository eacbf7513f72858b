// Custom labels of the registration form family (names DR_Portal_<key> in labels/CustomLabels.labels-meta.xml).
import Form_Title from '@salesforce/label/c.DR_Portal_Form_Title';
import Form_Title_Existing from '@salesforce/label/c.DR_Portal_Form_Title_Existing';
import Form_Intro from '@salesforce/label/c.DR_Portal_Form_Intro';
import Form_Read_Only from '@salesforce/label/c.DR_Portal_Form_Read_Only';
import Load_Failed from '@salesforce/label/c.DR_Portal_Load_Failed';
import Busy from '@salesforce/label/c.DR_Portal_Busy';
import Required from '@salesforce/label/c.DR_Portal_Required';
import Required_Legend from '@salesforce/label/c.DR_Portal_Required_Legend';
import Select_Placeholder from '@salesforce/label/c.DR_Portal_Select_Placeholder';
import Section_Customer from '@salesforce/label/c.DR_Portal_Section_Customer';
import Section_Customer_Help from '@salesforce/label/c.DR_Portal_Section_Customer_Help';
import Section_Opportunity from '@salesforce/label/c.DR_Portal_Section_Opportunity';
import Section_Opportunity_Help from '@salesforce/label/c.DR_Portal_Section_Opportunity_Help';
import Section_Contact from '@salesforce/label/c.DR_Portal_Section_Contact';
import Section_Contact_Help from '@salesforce/label/c.DR_Portal_Section_Contact_Help';
import Section_Notes from '@salesforce/label/c.DR_Portal_Section_Notes';
import Section_Notes_Help from '@salesforce/label/c.DR_Portal_Section_Notes_Help';
// BEGIN GENERATED registrationFields.imports (from vocabulary/vocabulary.json registrationFields by npm run generate): do not edit
import Field_Customer_Name from '@salesforce/label/c.DR_Portal_Field_Customer_Name';
import Field_Customer_Website from '@salesforce/label/c.DR_Portal_Field_Customer_Website';
import Field_Customer_Country from '@salesforce/label/c.DR_Portal_Field_Customer_Country';
import Field_Customer_Region from '@salesforce/label/c.DR_Portal_Field_Customer_Region';
import Field_Customer_Industry from '@salesforce/label/c.DR_Portal_Field_Customer_Industry';
import Field_Customer_Employees from '@salesforce/label/c.DR_Portal_Field_Customer_Employees';
import Field_Opportunity_Name from '@salesforce/label/c.DR_Portal_Field_Opportunity_Name';
import Field_Deal_Value from '@salesforce/label/c.DR_Portal_Field_Deal_Value';
import Field_Deal_Currency from '@salesforce/label/c.DR_Portal_Field_Deal_Currency';
import Field_Close_Date from '@salesforce/label/c.DR_Portal_Field_Close_Date';
import Field_Products from '@salesforce/label/c.DR_Portal_Field_Products';
import Field_Description from '@salesforce/label/c.DR_Portal_Field_Description';
import Field_Contact_Name from '@salesforce/label/c.DR_Portal_Field_Contact_Name';
import Field_Contact_Email from '@salesforce/label/c.DR_Portal_Field_Contact_Email';
import Field_Contact_Phone from '@salesforce/label/c.DR_Portal_Field_Contact_Phone';
import Field_Contact_Title from '@salesforce/label/c.DR_Portal_Field_Contact_Title';
import Field_Partner_Response from '@salesforce/label/c.DR_Portal_Field_Partner_Response';
import Help_Customer_Name from '@salesforce/label/c.DR_Portal_Help_Customer_Name';
import Help_Customer_Website from '@salesforce/label/c.DR_Portal_Help_Customer_Website';
import Help_Customer_Country from '@salesforce/label/c.DR_Portal_Help_Customer_Country';
import Help_Customer_Region from '@salesforce/label/c.DR_Portal_Help_Customer_Region';
import Help_Customer_Industry from '@salesforce/label/c.DR_Portal_Help_Customer_Industry';
import Help_Customer_Employees from '@salesforce/label/c.DR_Portal_Help_Customer_Employees';
import Help_Opportunity_Name from '@salesforce/label/c.DR_Portal_Help_Opportunity_Name';
import Help_Deal_Value from '@salesforce/label/c.DR_Portal_Help_Deal_Value';
import Help_Deal_Currency from '@salesforce/label/c.DR_Portal_Help_Deal_Currency';
import Help_Close_Date from '@salesforce/label/c.DR_Portal_Help_Close_Date';
import Help_Products from '@salesforce/label/c.DR_Portal_Help_Products';
import Help_Description from '@salesforce/label/c.DR_Portal_Help_Description';
import Help_Contact_Name from '@salesforce/label/c.DR_Portal_Help_Contact_Name';
import Help_Contact_Email from '@salesforce/label/c.DR_Portal_Help_Contact_Email';
import Help_Contact_Phone from '@salesforce/label/c.DR_Portal_Help_Contact_Phone';
import Help_Contact_Title from '@salesforce/label/c.DR_Portal_Help_Contact_Title';
import Help_Partner_Response from '@salesforce/label/c.DR_Portal_Help_Partner_Response';
// END GENERATED registrationFields.imports
import Meter_Title from '@salesforce/label/c.DR_Portal_Meter_Title';
import Meter_Value from '@salesforce/label/c.DR_Portal_Meter_Value';
import Meter_Item from '@salesforce/label/c.DR_Portal_Meter_Item';
import Meter_Missing_Generic from '@salesforce/label/c.DR_Portal_Meter_Missing_Generic';
import Meter_Required_Missing from '@salesforce/label/c.DR_Portal_Meter_Required_Missing';
import Meter_Unavailable from '@salesforce/label/c.DR_Portal_Meter_Unavailable';
import Meter_Checking from '@salesforce/label/c.DR_Portal_Meter_Checking';
import Meter_All_Good from '@salesforce/label/c.DR_Portal_Meter_All_Good';
import Paste_Title from '@salesforce/label/c.DR_Portal_Paste_Title';
import Paste_Label from '@salesforce/label/c.DR_Portal_Paste_Label';
import Paste_Help from '@salesforce/label/c.DR_Portal_Paste_Help';
import Paste_Button from '@salesforce/label/c.DR_Portal_Paste_Button';
import Paste_Unavailable from '@salesforce/label/c.DR_Portal_Paste_Unavailable';
import Paste_Filled_Count from '@salesforce/label/c.DR_Portal_Paste_Filled_Count';
import Paste_Filled_Kept from '@salesforce/label/c.DR_Portal_Paste_Filled_Kept';
import Paste_Nothing_Found from '@salesforce/label/c.DR_Portal_Paste_Nothing_Found';
import Paste_Nothing_New from '@salesforce/label/c.DR_Portal_Paste_Nothing_New';
import Paste_Filled_Note from '@salesforce/label/c.DR_Portal_Paste_Filled_Note';
import Paste_Filled_Unsure from '@salesforce/label/c.DR_Portal_Paste_Filled_Unsure';
import Prior_Customer_Label from '@salesforce/label/c.DR_Portal_Prior_Customer_Label';
import Prior_Customer_Placeholder from '@salesforce/label/c.DR_Portal_Prior_Customer_Placeholder';
import Prior_Customer_Help from '@salesforce/label/c.DR_Portal_Prior_Customer_Help';
import Suggest_Did_You_Mean from '@salesforce/label/c.DR_Portal_Suggest_Did_You_Mean';
import Suggest_Use from '@salesforce/label/c.DR_Portal_Suggest_Use';
import Suggest_Dismiss from '@salesforce/label/c.DR_Portal_Suggest_Dismiss';
import Error_Summary_Title from '@salesforce/label/c.DR_Portal_Error_Summary_Title';
import Validation_Required from '@salesforce/label/c.DR_Portal_Validation_Required';
import Validation_Response_Required from '@salesforce/label/c.DR_Portal_Validation_Response_Required';
import Validation_Too_Long from '@salesforce/label/c.DR_Portal_Validation_Too_Long';
import Validation_Email from '@salesforce/label/c.DR_Portal_Validation_Email';
import Validation_Currency from '@salesforce/label/c.DR_Portal_Validation_Currency';
import Validation_Not_Negative from '@salesforce/label/c.DR_Portal_Validation_Not_Negative';
import Validation_Whole_Number from '@salesforce/label/c.DR_Portal_Validation_Whole_Number';
import Validation_Website from '@salesforce/label/c.DR_Portal_Validation_Website';
import Validation_Date from '@salesforce/label/c.DR_Portal_Validation_Date';
import Save_Draft from '@salesforce/label/c.DR_Portal_Save_Draft';
import Draft_Saved from '@salesforce/label/c.DR_Portal_Draft_Saved';
import Draft_Saved_At from '@salesforce/label/c.DR_Portal_Draft_Saved_At';
import Draft_Save_Failed from '@salesforce/label/c.DR_Portal_Draft_Save_Failed';
import Submit from '@salesforce/label/c.DR_Portal_Submit';
import Submit_Response from '@salesforce/label/c.DR_Portal_Submit_Response';
import Submit_Failed from '@salesforce/label/c.DR_Portal_Submit_Failed';
import Submit_Success_Toast from '@salesforce/label/c.DR_Portal_Submit_Success_Toast';
import Duplicate_Title from '@salesforce/label/c.DR_Portal_Duplicate_Title';
import Duplicate_Own from '@salesforce/label/c.DR_Portal_Duplicate_Own';
import Duplicate_Question from '@salesforce/label/c.DR_Portal_Duplicate_Question';
import Duplicate_Review from '@salesforce/label/c.DR_Portal_Duplicate_Review';
import Duplicate_Submit_Anyway from '@salesforce/label/c.DR_Portal_Duplicate_Submit_Anyway';
import Ack_Title from '@salesforce/label/c.DR_Portal_Ack_Title';
import Ack_Next_Title from '@salesforce/label/c.DR_Portal_Ack_Next_Title';
import Ack_Step_Check from '@salesforce/label/c.DR_Portal_Ack_Step_Check';
import Ack_Step_Review from '@salesforce/label/c.DR_Portal_Ack_Step_Review';
import Ack_Step_Decision from '@salesforce/label/c.DR_Portal_Ack_Step_Decision';
import Question from '@salesforce/label/c.DR_Portal_Question';
import Ack_Register_Another from '@salesforce/label/c.DR_Portal_Ack_Register_Another';

export const LABELS = {
  Form_Title,
  Form_Title_Existing,
  Form_Intro,
  Form_Read_Only,
  Load_Failed,
  Busy,
  Required,
  Required_Legend,
  Select_Placeholder,
  Section_Customer,
  Section_Customer_Help,
  Section_Opportunity,
  Section_Opportunity_Help,
  Section_Contact,
  Section_Contact_Help,
  Section_Notes,
  Section_Notes_Help,
  // BEGIN GENERATED registrationFields.labels (from vocabulary/vocabulary.json registrationFields by npm run generate): do not edit
  Field_Customer_Name,
  Field_Customer_Website,
  Field_Customer_Country,
  Field_Customer_Region,
  Field_Customer_Industry,
  Field_Customer_Employees,
  Field_Opportunity_Name,
  Field_Deal_Value,
  Field_Deal_Currency,
  Field_Close_Date,
  Field_Products,
  Field_Description,
  Field_Contact_Name,
  Field_Contact_Email,
  Field_Contact_Phone,
  Field_Contact_Title,
  Field_Partner_Response,
  Help_Customer_Name,
  Help_Customer_Website,
  Help_Customer_Country,
  Help_Customer_Region,
  Help_Customer_Industry,
  Help_Customer_Employees,
  Help_Opportunity_Name,
  Help_Deal_Value,
  Help_Deal_Currency,
  Help_Close_Date,
  Help_Products,
  Help_Description,
  Help_Contact_Name,
  Help_Contact_Email,
  Help_Contact_Phone,
  Help_Contact_Title,
  Help_Partner_Response,
  // END GENERATED registrationFields.labels
  Meter_Title,
  Meter_Value,
  Meter_Item,
  Meter_Missing_Generic,
  Meter_Required_Missing,
  Meter_Unavailable,
  Meter_Checking,
  Meter_All_Good,
  Paste_Title,
  Paste_Label,
  Paste_Help,
  Paste_Button,
  Paste_Unavailable,
  Paste_Filled_Count,
  Paste_Filled_Kept,
  Paste_Nothing_Found,
  Paste_Nothing_New,
  Paste_Filled_Note,
  Paste_Filled_Unsure,
  Prior_Customer_Label,
  Prior_Customer_Placeholder,
  Prior_Customer_Help,
  Suggest_Did_You_Mean,
  Suggest_Use,
  Suggest_Dismiss,
  Error_Summary_Title,
  Validation_Required,
  Validation_Response_Required,
  Validation_Too_Long,
  Validation_Email,
  Validation_Currency,
  Validation_Not_Negative,
  Validation_Whole_Number,
  Validation_Website,
  Validation_Date,
  Save_Draft,
  Draft_Saved,
  Draft_Saved_At,
  Draft_Save_Failed,
  Submit,
  Submit_Response,
  Submit_Failed,
  Submit_Success_Toast,
  Duplicate_Title,
  Duplicate_Own,
  Duplicate_Question,
  Duplicate_Review,
  Duplicate_Submit_Anyway,
  Ack_Title,
  Ack_Next_Title,
  Ack_Step_Check,
  Ack_Step_Review,
  Ack_Step_Decision,
  Ack_Register_Another,
  Question
};
