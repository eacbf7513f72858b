trigger DealRegistrationSubmittedTrigger on Deal_Registration_Submitted__e(after insert) {
  new DealSubmittedEventHandler().run();
}
