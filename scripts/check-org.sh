#!/usr/bin/env bash
# Post-install check of an org: verifies, with read-only sf queries, what the package cannot ship
# because it differs per org. Exits non-zero and names every missing piece.
#   - the scoring integration user: active, permission set Deal_Scoring_Integration, member of the
#     Deal_Scoring_Integration group;
#   - the platform-event subscriber config runs DealRegistrationSubmittedTrigger as an active user
#     (not Automated Process);
#   - the Deal_Scoring named credential no longer points at the placeholder URL;
#   - the lifecycle job is scheduled;
#   - the SLA escalation job is scheduled;
#   - the partner site exists, the sharing set is deployed, and at least one active partner user holds
#     Deal_Registration_Partner.
#
# Usage: scripts/check-org.sh <alias-or-username>
set -euo pipefail
target="${1:?usage: scripts/check-org.sh <alias-or-username>}"
export SF_DISABLE_TELEMETRY=true SF_SKIP_NEW_VERSION_CHECK=true FORCE_COLOR=0
sf=(npx --no-install sf)
failures=0

count() {
  # count <SOQL> [--use-tooling-api]: number of rows the query returns
  "${sf[@]}" data query --query "$1" ${2:-} --target-org "$target" --json | jq -r '.result.totalSize // 0'
}
check() {
  # check <description> <actual> <minimum>
  if (($2 >= $3)); then
    printf 'ok    %s\n' "$1"
  else
    printf 'FAIL  %s (found %s, need %s)\n' "$1" "$2" "$3"
    failures=$((failures + 1))
  fi
}

check "integration user holds Deal_Scoring_Integration and is active" "$(count \
  "SELECT Id FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Deal_Scoring_Integration' AND Assignee.IsActive = true")" 1
check "Deal_Scoring_Integration group has a member" "$(count \
  "SELECT Id FROM GroupMember WHERE Group.DeveloperName = 'Deal_Scoring_Integration'")" 1
check "subscriber config runs the submitted-event trigger as a named user" "$(count \
  "SELECT Id FROM PlatformEventSubscriberConfig WHERE DeveloperName = 'DealRegistrationSubmittedTriggerConfig' AND UserId != null" \
  --use-tooling-api)" 1
real_url="$(count "SELECT Id FROM NamedCredential WHERE DeveloperName = 'Deal_Scoring' AND (NOT Endpoint LIKE '%example.com%')")"
if ((real_url < 1)); then
  # A warning, not a failure: shadow-mode demos run without a scoring function (scoring falls back to review).
  echo "warn  Deal_Scoring named credential still points at the placeholder URL (set DEAL_SCORING_URL)"
else
  echo "ok    Deal_Scoring named credential points at a real URL"
fi
check "lifecycle job scheduled" "$(count \
  "SELECT Id FROM CronTrigger WHERE CronJobDetail.Name = 'Deal registration lifecycle' AND State != 'DELETED'")" 1
check "SLA escalation job scheduled" "$(count \
  "SELECT Id FROM CronTrigger WHERE CronJobDetail.Name = 'Deal registration SLA' AND State != 'DELETED'")" 1
check "partner site exists" "$(count "SELECT Id FROM Network WHERE UrlPathPrefix = 'partners'")" 1
check "sharing set Deal_Registration_Partners deployed" "$(count \
  "SELECT Id FROM SharingSet WHERE DeveloperName = 'Deal_Registration_Partners'" --use-tooling-api)" 1
check "an active partner user holds Deal_Registration_Partner" "$(count \
  "SELECT Id FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Deal_Registration_Partner' AND Assignee.IsActive = true AND Assignee.ContactId != null")" 1

if ((failures > 0)); then
  echo "${failures} check(s) failed: see README, 'For any other org'" >&2
  exit 1
fi
echo "all checks passed"
