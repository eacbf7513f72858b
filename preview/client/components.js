import DealRegistrationForm from 'c/dealRegistrationForm';
import MyDealRegistrations from 'c/myDealRegistrations';
import DealReviewQueue from 'c/dealReviewQueue';
import DealScoreCard from 'c/dealScoreCard';
import DealProgramMetrics from 'c/dealProgramMetrics';
import MdfClaim from 'c/mdfClaim';
import MdfClaimReview from 'c/mdfClaimReview';
import DealNotificationPreferences from 'c/dealNotificationPreferences';
import ChannelForecast from 'c/channelForecast';
import PartnerOnboarding from 'c/partnerOnboarding';
import PartnerStanding from 'c/partnerStanding';
import PartnerTierReviews from 'c/partnerTierReviews';
import StalledOnboardings from 'c/stalledOnboardings';
import EnablementFeed from 'c/enablementFeed';

export const PARTNER = {
  'c-deal-registration-form': DealRegistrationForm,
  'c-my-deal-registrations': MyDealRegistrations,
  'c-mdf-claim': MdfClaim,
  'c-deal-notification-preferences': DealNotificationPreferences,
  'c-partner-onboarding': PartnerOnboarding,
  'c-partner-standing': PartnerStanding,
  'c-enablement-feed': EnablementFeed
};
export const CONSOLE = {
  'c-deal-review-queue': DealReviewQueue,
  'c-deal-score-card': DealScoreCard,
  'c-deal-program-metrics': DealProgramMetrics,
  'c-mdf-claim-review': MdfClaimReview,
  'c-deal-notification-preferences': DealNotificationPreferences,
  'c-channel-forecast': ChannelForecast,
  'c-partner-tier-reviews': PartnerTierReviews,
  'c-stalled-onboardings': StalledOnboardings
};
