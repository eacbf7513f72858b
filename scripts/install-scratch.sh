#!/usr/bin/env bash
# One command from a fresh checkout to a working scratch org:
#   create the org, compile the TypeScript LWC, deploy force-app, create the scoring integration
#   user, assign permission sets and groups, deploy the org-specific platform-event subscriber
#   config (runs the submitted-event trigger as that user), schedule the hourly lifecycle job,
#   optionally point the Deal_Scoring named credential at a real scoring function and store its
#   API key, import the sample data.
#
# Usage: scripts/install-scratch.sh [alias=deal-reg] [duration-days=7]
#   Needs: npm ci done, a Dev Hub authorized as the default dev hub (sf org login web -d), Node, jq.
#   Optional environment:
#     DEAL_SCORING_URL      https base URL of the scoring function (else the placeholder stays)
#     DEAL_SCORING_API_KEY  bearer key stored in the Deal_Scoring_Principal principal (never logged)
set -euo pipefail

cd "$(dirname "$0")/.."
alias_name="${1:-deal-reg}"
duration_days="${2:-7}"
export SF_DISABLE_TELEMETRY=true SF_SKIP_NEW_VERSION_CHECK=true FORCE_COLOR=0
sf=(npx --no-install sf)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n=== %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "missing tool: $1" >&2; exit 2; }; }
need node
need jq

step "Create scratch org ${alias_name} (${duration_days} days)"
"${sf[@]}" org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name" \
  --duration-days "$duration_days" --set-default --wait 20

step "Compile LWC TypeScript to JavaScript"
node scripts/compile-lwc.mjs

step "Deploy force-app"
"${sf[@]}" project deploy start --source-dir force-app --target-org "$alias_name" --wait 30

step "Admin user: admin + manager permission sets, manager group"
for permset in Deal_Registration_Admin Deal_Registration_Manager; do
  "${sf[@]}" org assign permset --name "$permset" --target-org "$alias_name"
done

query_id() {
  # query_id <SOQL>: the Id of the single row the query returns, or an error.
  local id
  id="$("${sf[@]}" data query --query "$1" --target-org "$alias_name" --json | jq -r '.result.records[0].Id // empty')"
  if [[ -z "$id" ]]; then
    echo "no row for: $1" >&2
    return 1
  fi
  printf '%s' "$id"
}

admin_username="$("${sf[@]}" org display --target-org "$alias_name" --json | jq -r '.result.username')"
admin_id="$(query_id "SELECT Id FROM User WHERE Username = '${admin_username}'")"
managers_group="$(query_id "SELECT Id FROM Group WHERE DeveloperName = 'Deal_Registration_Managers'")"
"${sf[@]}" data create record --sobject GroupMember --values "GroupId=${managers_group} UserOrGroupId=${admin_id}" \
  --target-org "$alias_name"

step "Scoring integration user (runs the Deal_Registration_Submitted__e trigger)"
integration_username="$("${sf[@]}" org create user --target-org "$alias_name" \
  --definition-file scripts/org/integration-user-def.json --set-alias "${alias_name}-integration" --json |
  jq -r '.result.fields.username')"
if [[ -z "$integration_username" || "$integration_username" == "null" ]]; then
  echo "could not create the integration user" >&2
  exit 1
fi
echo "integration user: ${integration_username}"
integration_id="$(query_id "SELECT Id FROM User WHERE Username = '${integration_username}'")"
integration_group="$(query_id "SELECT Id FROM Group WHERE DeveloperName = 'Deal_Scoring_Integration'")"
"${sf[@]}" data create record --sobject GroupMember \
  --values "GroupId=${integration_group} UserOrGroupId=${integration_id}" --target-org "$alias_name"

step "Org-specific metadata: subscriber config as ${integration_username}"
# Kept out of force-app deploys by .forceignore; rendered here with the real username and deployed
# in Metadata API format.
mdapi="${work}/mdapi"
mkdir -p "${mdapi}/platformEventSubscriberConfigs"
sed "s#<user>[^<]*</user>#<user>${integration_username}</user>#" \
  force-app/main/default/platformEventSubscriberConfigs/DealRegistrationSubmittedTriggerConfig.platformEventSubscriberConfig-meta.xml \
  >"${mdapi}/platformEventSubscriberConfigs/DealRegistrationSubmittedTriggerConfig.platformEventSubscriberConfig"
members='<types><members>DealRegistrationSubmittedTriggerConfig</members><name>PlatformEventSubscriberConfig</name></types>'
if [[ -n "${DEAL_SCORING_URL:-}" ]]; then
  url_pattern='^https://[^[:space:]<>&#]+$'
  if [[ ! "$DEAL_SCORING_URL" =~ $url_pattern ]]; then
    echo "DEAL_SCORING_URL must be an https URL" >&2
    exit 2
  fi
  mkdir -p "${mdapi}/namedCredentials"
  sed "s#<parameterValue>https://deal-scoring.example.com</parameterValue>#<parameterValue>${DEAL_SCORING_URL}</parameterValue>#" \
    force-app/main/default/namedCredentials/Deal_Scoring.namedCredential-meta.xml \
    >"${mdapi}/namedCredentials/Deal_Scoring.namedCredential"
  members="${members}<types><members>Deal_Scoring</members><name>NamedCredential</name></types>"
fi
cat >"${mdapi}/package.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">${members}<version>62.0</version></Package>
EOF
"${sf[@]}" project deploy start --metadata-dir "$mdapi" --target-org "$alias_name" --wait 20

if [[ -n "${DEAL_SCORING_API_KEY:-}" ]]; then
  step "Store the scoring API key in the Deal_Scoring_Principal principal"
  body="${work}/credential.json"
  jq -n --arg key "$DEAL_SCORING_API_KEY" '{
    externalCredential: "Deal_Scoring",
    principalName: "Deal_Scoring_Principal",
    principalType: "NamedPrincipal",
    authenticationProtocol: "Custom",
    credentials: { ApiKey: { value: $key, encrypted: true } }
  }' >"$body"
  "${sf[@]}" api request rest /services/data/v62.0/named-credentials/credential --method POST \
    --body "@${body}" --target-org "$alias_name" >/dev/null
else
  echo "DEAL_SCORING_API_KEY not set: set the ApiKey of Deal_Scoring_Principal in Setup > Named Credentials."
fi

step "Schedule the lifecycle job (hourly: expiry, reminders, stuck-registration recovery)"
"${sf[@]}" apex run --file scripts/apex/schedule-lifecycle-job.apex --target-org "$alias_name" >/dev/null

step "Sample data"
"${sf[@]}" data import tree --plan data/plan.json --target-org "$alias_name"

step "Done"
echo "Open the console: ${sf[*]} org open --target-org ${alias_name} --path lightning/app/c__Deal_Registration_Console"
echo "Partner portal setup (Experience Cloud site, partner users, sharing): docs/security.md"
