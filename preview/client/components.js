import DealRegistrationForm from 'c/dealRegistrationForm';
import MyDealRegistrations from 'c/myDealRegistrations';
import DealReviewQueue from 'c/dealReviewQueue';
import DealScoreCard from 'c/dealScoreCard';
import DealProgramMetrics from 'c/dealProgramMetrics';
import ChannelForecast from 'c/channelForecast';

export const PARTNER = {
  'c-deal-registration-form': DealRegistrationForm,
  'c-my-deal-registrations': MyDealRegistrations
};
export const CONSOLE = {
  'c-deal-review-queue': DealReviewQueue,
  'c-deal-score-card': DealScoreCard,
  'c-deal-program-metrics': DealProgramMetrics,
  'c-channel-forecast': ChannelForecast
};
