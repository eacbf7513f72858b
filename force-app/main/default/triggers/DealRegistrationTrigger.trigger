trigger DealRegistrationTrigger on Deal_Registration__c(
  before insert,
  before update,
  after insert,
  after update
) {
  new DealRegistrationTriggerHandler().run();
}
