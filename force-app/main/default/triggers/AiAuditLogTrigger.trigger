trigger AiAuditLogTrigger on AI_Audit_Log__c(before update, before delete) {
  AiAuditLogTriggerHandler.refuseChanges(Trigger.isDelete ? Trigger.old : Trigger.new);
}
