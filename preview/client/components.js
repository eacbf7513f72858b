import DealRegistrationForm from 'c/dealRegistrationForm';
import MyDealRegistrations from 'c/myDealRegistrations';
import DealReviewQueue from 'c/dealReviewQueue';
import DealScoreCard from 'c/dealScoreCard';
import DealProgramMetrics from 'c/dealProgramMetrics';
import EnablementFeed from 'c/enablementFeed';

export const PARTNER = {
  'c-deal-registration-form': DealRegistrationForm,
  'c-my-deal-registrations': MyDealRegistrations,
  'c-enablement-feed': EnablementFeed
};
export const CONSOLE = {
  'c-deal-review-queue': DealReviewQueue,
  'c-deal-score-card': DealScoreCard,
  'c-deal-program-metrics': DealProgramMetrics
};
