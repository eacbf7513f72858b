trigger PartnerCertificationTrigger on Partner_Certification__c(after insert, after update) {
  PartnerCertifications.afterSave(Trigger.new);
}
