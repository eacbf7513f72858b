#!/usr/bin/env bash
# One command from a fresh checkout to a working scratch org:
#   create the org, compile the TypeScript LWC, deploy force-app, create the scoring integration
#   user, assign permission sets and groups, deploy the org-specific platform-event subscriber
#   config (runs the submitted-event trigger as that user), schedule the hourly lifecycle job,
#   create the partner site (Partner Central) with its sharing set (force-app-site), a demo partner
#   account and user, run the post-install check (scripts/check-org.sh),
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

step "Schedule the SLA escalation job (hourly) and the managers' daily digest"
"${sf[@]}" apex run --file scripts/apex/schedule-notification-jobs.apex --target-org "$alias_name" >/dev/null

step "Schedule the audit retention job (nightly; the admin holds Deal_Audit_Maintenance)"
"${sf[@]}" apex run --file scripts/apex/schedule-audit-retention.apex --target-org "$alias_name" >/dev/null

step "Sample data"
"${sf[@]}" data import tree --plan data/plan.json --target-org "$alias_name"

step "Partner site (Aura template Partner Central; see docs/security.md for why not LWR)"
site_name="Partner Deals"
site_prefix="partners"
"${sf[@]}" community create --name "$site_name" --template-name "Partner Central" --url-path-prefix "$site_prefix" \
  --description "Deal registration for partners" --target-org "$alias_name" >/dev/null
for _ in $(seq 1 60); do
  site_status="$("${sf[@]}" data query --query "SELECT Status FROM Network WHERE Name = '${site_name}'" \
    --target-org "$alias_name" --json | jq -r '.result.records[0].Status // empty')"
  [[ -n "$site_status" ]] && break
  sleep 10
done
if [[ -z "${site_status:-}" ]]; then
  echo "the site ${site_name} was not created in time" >&2
  exit 1
fi

step "Site metadata (force-app-site: sharing set for partner users)"
"${sf[@]}" project deploy start --source-dir force-app-site --target-org "$alias_name" --wait 20

step "Demo partner account and user"
# A partner account's owner must have a role before the account can hold partner users.
admin_role="$("${sf[@]}" data query --query "SELECT UserRoleId FROM User WHERE Id = '${admin_id}'" \
  --target-org "$alias_name" --json | jq -r '.result.records[0].UserRoleId // empty')"
if [[ -z "$admin_role" ]]; then
  admin_role="$("${sf[@]}" data create record --sobject UserRole \
    --values "Name='Deal Program Owner' DeveloperName=Deal_Program_Owner" --target-org "$alias_name" --json |
    jq -r '.result.id')"
  "${sf[@]}" data update record --sobject User --record-id "$admin_id" --values "UserRoleId=${admin_role}" \
    --target-org "$alias_name" >/dev/null
fi
partner_account="$(query_id "SELECT Id FROM Account WHERE Name = 'Northwind Solutions (Partner)'")"
"${sf[@]}" data update record --sobject Account --record-id "$partner_account" --values "IsPartner=true" \
  --target-org "$alias_name" >/dev/null
partner_contact="$("${sf[@]}" data create record --sobject Contact \
  --values "AccountId=${partner_account} FirstName=Demo LastName=Partner Email=demo.partner@example.invalid" \
  --target-org "$alias_name" --json | jq -r '.result.id')"
partner_json="$("${sf[@]}" org create user --target-org "$alias_name" --definition-file scripts/org/partner-user-def.json \
  ContactId="$partner_contact" --set-alias "${alias_name}-partner" --json)"
partner_username="$(jq -r '.result.fields.username' <<<"$partner_json")"
if [[ -z "$partner_username" || "$partner_username" == "null" ]]; then
  echo "could not create the demo partner user" >&2
  exit 1
fi

step "Place the registration form and my registrations on the site's home page"
site_dev_name="$("${sf[@]}" data query --query "SELECT Name FROM Site WHERE MasterLabel = '${site_name}' LIMIT 1" \
  --target-org "$alias_name" --json | jq -r '.result.records[0].Name // empty')"
bundle_project="${work}/site-project"
mkdir -p "$bundle_project"
printf '{"packageDirectories":[{"path":"site","default":true}],"sourceApiVersion":"62.0"}\n' \
  >"${bundle_project}/sfdx-project.json"
sf_bin="${PWD}/node_modules/.bin/sf"
(cd "$bundle_project" && "$sf_bin" project retrieve start --metadata "ExperienceBundle:${site_dev_name}1" \
  --target-org "$alias_name" --output-dir site >/dev/null)
bundle_dir="$(find "$bundle_project/site" -type d -path "*experiences/${site_dev_name}1" | head -n 1)"
if [[ -z "$bundle_dir" ]]; then
  echo "could not retrieve the ExperienceBundle of ${site_name}" >&2
  exit 1
fi
node scripts/org/place-portal-components.mjs "$bundle_dir"
(cd "$bundle_project" && "$sf_bin" project deploy start --source-dir site --target-org "$alias_name" --wait 20 \
  >/dev/null)

step "Publish the site"
"${sf[@]}" community publish --name "$site_name" --target-org "$alias_name" >/dev/null

step "Post-install check"
scripts/check-org.sh "$alias_name"

step "Done"
instance_url="$("${sf[@]}" org display --target-org "$alias_name" --json | jq -r '.result.instanceUrl')"
site_url="${instance_url/.my.salesforce.com/.my.site.com}/${site_prefix}/s/"
echo "Open the console: ${sf[*]} org open --target-org ${alias_name} --path lightning/app/c__Deal_Registration_Console"
echo "Partner site: ${site_url}"
echo "Log in as the demo partner: ${partner_username}; the generated password is shown by"
echo "  ${sf[*]} org display user --target-org ${alias_name}-partner"
