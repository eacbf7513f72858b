// Custom labels used by this component (MDF_Claim_*, MDF_Role_*), one import each so the platform tracks them.
import ROLE_INVOICE from '@salesforce/label/c.MDF_Role_invoice';
import ROLE_PROOF from '@salesforce/label/c.MDF_Role_proof';
import TITLE_LABEL from '@salesforce/label/c.MDF_Claim_Title';
import LOADING_LABEL from '@salesforce/label/c.MDF_Claim_Loading';
import ERROR_FRIENDLY_LABEL from '@salesforce/label/c.MDF_Claim_Error_Friendly';
import NEEDS_RECORD_LABEL from '@salesforce/label/c.MDF_Claim_Needs_Record';
import MANAGER_SAYS_LABEL from '@salesforce/label/c.MDF_Claim_Manager_Says';
import SECTION_CLAIM_LABEL from '@salesforce/label/c.MDF_Claim_Section_Claim';
import FIELD_TITLE_LABEL from '@salesforce/label/c.MDF_Claim_Field_Title';
import FIELD_AMOUNT_LABEL from '@salesforce/label/c.MDF_Claim_Field_Amount';
import FIELD_ACTIVITY_START_LABEL from '@salesforce/label/c.MDF_Claim_Field_Activity_Start';
import FIELD_ACTIVITY_END_LABEL from '@salesforce/label/c.MDF_Claim_Field_Activity_End';
import FIELD_REGISTRATION_LABEL from '@salesforce/label/c.MDF_Claim_Field_Registration';
import REGISTRATION_NONE_LABEL from '@salesforce/label/c.MDF_Claim_Registration_None';
import SECTION_COSTS_LABEL from '@salesforce/label/c.MDF_Claim_Section_Costs';
import COST_DESCRIPTION_LABEL from '@salesforce/label/c.MDF_Claim_Cost_Description';
import COST_CATEGORY_LABEL from '@salesforce/label/c.MDF_Claim_Cost_Category';
import COST_AMOUNT_LABEL from '@salesforce/label/c.MDF_Claim_Cost_Amount';
import REMOVE_COST_LABEL from '@salesforce/label/c.MDF_Claim_Remove_Cost';
import COSTS_TOTAL_LABEL from '@salesforce/label/c.MDF_Claim_Costs_Total';
import ADD_COST_LABEL from '@salesforce/label/c.MDF_Claim_Add_Cost';
import UPLOAD_INVOICES_LABEL from '@salesforce/label/c.MDF_Claim_Upload_Invoices';
import UPLOAD_PROOF_LABEL from '@salesforce/label/c.MDF_Claim_Upload_Proof';
import DOCUMENTS_LABEL from '@salesforce/label/c.MDF_Claim_Documents';
import DOCUMENT_READ_LABEL from '@salesforce/label/c.MDF_Claim_Document_Read';
import DOCUMENT_NOT_CHECKED_LABEL from '@salesforce/label/c.MDF_Claim_Document_Not_Checked';
import FIELD_CONFIDENCE_LABEL from '@salesforce/label/c.MDF_Claim_Field_Confidence';
import PROBLEMS_LABEL from '@salesforce/label/c.MDF_Claim_Problems';
import EXPLANATION_LABEL from '@salesforce/label/c.MDF_Claim_Explanation';
import SAVE_LABEL from '@salesforce/label/c.MDF_Claim_Save';
import CHECK_LABEL from '@salesforce/label/c.MDF_Claim_Check';
import SUBMIT_LABEL from '@salesforce/label/c.MDF_Claim_Submit';
import WORKING_LABEL from '@salesforce/label/c.MDF_Claim_Working';
import STAGE_LABEL from '@salesforce/label/c.MDF_Claim_Stage';
import NEW_CLAIM_LABEL from '@salesforce/label/c.MDF_Claim_New_Claim';
import REQUEST_APPROVED_LABEL from '@salesforce/label/c.MDF_Claim_Request_Approved';
import REQUEST_FOR_LABEL from '@salesforce/label/c.MDF_Claim_Request_For';
import REQUEST_DATES_LABEL from '@salesforce/label/c.MDF_Claim_Request_Dates';
import DATE_OPEN_LABEL from '@salesforce/label/c.MDF_Claim_Date_Open';
import POLICY_CO_FUNDING_LABEL from '@salesforce/label/c.MDF_Claim_Policy_Co_Funding';
import POLICY_DEADLINE_LABEL from '@salesforce/label/c.MDF_Claim_Policy_Deadline';
import POLICY_PROOF_LABEL from '@salesforce/label/c.MDF_Claim_Policy_Proof';
import POLICY_CLAIMS_LABEL from '@salesforce/label/c.MDF_Claim_Policy_Claims';
import SAVED_LABEL from '@salesforce/label/c.MDF_Claim_Saved';
import UPLOADED_LABEL from '@salesforce/label/c.MDF_Claim_Uploaded';
import CHECK_PROBLEMS_LABEL from '@salesforce/label/c.MDF_Claim_Check_Problems';
import CHECK_CLEAN_LABEL from '@salesforce/label/c.MDF_Claim_Check_Clean';
import SUBMITTED_LABEL from '@salesforce/label/c.MDF_Claim_Submitted';
import RESTORED_LABEL from '@salesforce/label/c.MDF_Claim_Restored';
export const LABELS = {
  Role_invoice: ROLE_INVOICE,
  Role_proof: ROLE_PROOF,
  Title: TITLE_LABEL,
  Loading: LOADING_LABEL,
  Error_Friendly: ERROR_FRIENDLY_LABEL,
  Needs_Record: NEEDS_RECORD_LABEL,
  Manager_Says: MANAGER_SAYS_LABEL,
  Section_Claim: SECTION_CLAIM_LABEL,
  Field_Title: FIELD_TITLE_LABEL,
  Field_Amount: FIELD_AMOUNT_LABEL,
  Field_Activity_Start: FIELD_ACTIVITY_START_LABEL,
  Field_Activity_End: FIELD_ACTIVITY_END_LABEL,
  Field_Registration: FIELD_REGISTRATION_LABEL,
  Registration_None: REGISTRATION_NONE_LABEL,
  Section_Costs: SECTION_COSTS_LABEL,
  Cost_Description: COST_DESCRIPTION_LABEL,
  Cost_Category: COST_CATEGORY_LABEL,
  Cost_Amount: COST_AMOUNT_LABEL,
  Remove_Cost: REMOVE_COST_LABEL,
  Costs_Total: COSTS_TOTAL_LABEL,
  Add_Cost: ADD_COST_LABEL,
  Upload_Invoices: UPLOAD_INVOICES_LABEL,
  Upload_Proof: UPLOAD_PROOF_LABEL,
  Documents: DOCUMENTS_LABEL,
  Document_Read: DOCUMENT_READ_LABEL,
  Document_Not_Checked: DOCUMENT_NOT_CHECKED_LABEL,
  Field_Confidence: FIELD_CONFIDENCE_LABEL,
  Problems: PROBLEMS_LABEL,
  Explanation: EXPLANATION_LABEL,
  Save: SAVE_LABEL,
  Check: CHECK_LABEL,
  Submit: SUBMIT_LABEL,
  Working: WORKING_LABEL,
  Stage: STAGE_LABEL,
  New_Claim: NEW_CLAIM_LABEL,
  Request_Approved: REQUEST_APPROVED_LABEL,
  Request_For: REQUEST_FOR_LABEL,
  Request_Dates: REQUEST_DATES_LABEL,
  Date_Open: DATE_OPEN_LABEL,
  Policy_Co_Funding: POLICY_CO_FUNDING_LABEL,
  Policy_Deadline: POLICY_DEADLINE_LABEL,
  Policy_Proof: POLICY_PROOF_LABEL,
  Policy_Claims: POLICY_CLAIMS_LABEL,
  Saved: SAVED_LABEL,
  Uploaded: UPLOADED_LABEL,
  Check_Problems: CHECK_PROBLEMS_LABEL,
  Check_Clean: CHECK_CLEAN_LABEL,
  Submitted: SUBMITTED_LABEL,
  Restored: RESTORED_LABEL
} as const;
