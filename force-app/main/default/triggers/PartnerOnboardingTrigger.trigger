trigger PartnerOnboardingTrigger on Partner_Onboarding__c(before insert, after insert, before update) {
  PartnerOnboardingTriggerHandler.run(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
