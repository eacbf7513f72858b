trigger AiRecommendationTrigger on AI_Recommendation__c(after update) {
  PartnerTierDecisionService.afterUpdate(Trigger.new, Trigger.oldMap);
}
