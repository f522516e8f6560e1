#!/usr/bin/env bash
# Materialises the digital.gov posts cited by the eleventh held-out set
# (eval/labels/sourcecheck/pairs11.jsonl: paragraphs written by the labeller,
# each citing one digital.gov post by its public URL) from the digitalgov
# corpus into a folder outside this repository, next to the 18F posts
# scripts/sources4.sh … sources10.sh put there.
#
#   scripts/sources11.sh [DEST]
#
# Source: $CITELINT_DIGITALGOV, the digitalgov corpus folder (default
# <repo>/../shared/corpora/digitalgov, as eval.DigitalgovDir). Destination:
# DEST, or $CITELINT_SOURCES, or ${XDG_CACHE_HOME:-~/.cache}/citelint/sources;
# the files land in its digitalgov/ folder, which is what each pair's
# source_file names. Other files already there are kept. The copies are
# byte-for-byte the corpus files, so the pairs' evidence stays true.
#
# digital.gov posts are works of the US federal government (public domain).
# They are kept out of the repository anyway, like every source text of the
# labelled sets: the sets hold claims and evidence sentences, not copies of
# pages.
set -euo pipefail

# shellcheck source=scripts/18f-git.sh
. "$(dirname "$0")/18f-git.sh"

name=sources11.sh

# The posts the pairs cite. Public URL https://digital.gov/YYYY/MM/DD/<slug>/
# with the front matter's date and slug; one post's date is not its file
# name's: 2024__04__2024-04-11-meet-your-digital-experience-council is
# /2024/04/09/… (front matter date: 2024-04-09).
posts=(
	2012__11__2012-11-19-case-study-how-dol-created-software-development-kits-sdks.md
	2013__05__2013-05-02-why-government-websites-need-seo.md
	2013__05__2013-05-24-nascio-launches-mobile-apps-calendar.md
	2014__02__2014-02-28-mobile-tester-usability-short-reads-learning-from-others-mistakes.md
	2014__04__2014-04-30-need-help-responding-to-facebook-twitter-questions-use-your-contact-center-customer-service-experts.md
	2014__05__2014-05-23-tips-for-creating-great-video-interviews.md
	2014__06__2014-06-02-unleashing-data-innovation-for-action-on-climate-change.md
	2014__06__2014-06-05-the-importance-of-cross-channel-customer-service-digitalgov-summit-recap.md
	2014__06__2014-06-19-the-golden-metric.md
	2014__08__2014-08-04-working-in-public-from-day-1.md
	2014__10__2014-10-10-what-do-dear-abby-and-the-federal-government-have-in-common.md
	2014__10__2014-10-14-trends-on-tuesday-mobile-app-pop-quiz.md
	2014__11__2014-11-12-follow-the-clicks-a-look-at-click-through-rates-on-government-websites.md
	2015__03__2015-03-12-the-new-fedramp-gov-is-here.md
	2015__03__2015-03-24-trends-on-tuesday-big-data-equals-big-challenges.md
	2015__04__2015-04-17-what-labor-department-data-do-you-want.md
	2015__05__2015-05-15-government-services-through-a-life-events-approach.md
	2015__05__2015-05-26-5-crucial-steps-for-conducting-an-effective-customer-interview.md
	2015__05__2015-05-29-a-conversation-with-omb-on-customer-service.md
	2015__06__2015-06-29-digitalgov-podcast-dap-delivers-data-for-4000-websites.md
	2015__06__2015-06-30-trends-on-tuesday-native-app-push-notifications-drive-repeat-use.md
	2015__08__2015-08-06-need-actionable-analytics-reports-heres-help.md
	2015__08__2015-08-12-journey-mapping-the-customer-experience-a-usa-gov-case-study.md
	2015__10__2015-10-28-building-the-next-generation-of-government-innovators.md
	2015__12__2015-12-14-government-customer-service-update-webinar-recap.md
	2015__12__2015-12-22-after-the-survey-turning-customer-feedback-into-action.md
	2016__02__2016-02-01-the-content-corner-four-ways-to-help-your-content-stand-out.md
	2016__02__2016-02-05-4-tips-for-analyzing-mobile-traffic-with-dap.md
	2016__03__2016-03-23-the-data-briefing-three-significant-events-in-federal-open-data-this-past-week.md
	2016__03__2016-03-24-buying-power-new-labs-will-foster-innovation-in-government-acquisition.md
	2016__08__2016-08-01-modernizing-the-fccs-geospatial-maps.md
	2016__09__2016-09-22-our-new-center-for-enhanced-analytics.md
	2016__10__2016-10-28-social-media-data-deep-dive-turning-findings-into-action.md
	2017__05__2017-05-24-want-to-expand-your-innovation-base-dive-in-run-a-challenge-and-listen-to-your-customers.md
	2017__09__2017-09-28-finding-usability-testers-tips-from-an-army-recruiter.md
	2017__10__2017-10-03-machine-learning-paired-with-skilled-data-scientists-future-datadriven-decision-making.md
	2021__09__2021-09-02-spotlight-chat-planning-a-federal-prize-competition.md
	2022__01__2022-01-19-call-for-participation-2022-government-ux-summit.md
	2023__04__2023-04-20-the-art-of-storytelling-in-a-hybrid-world.md
	2024__04__2024-04-11-meet-your-digital-experience-council.md
	2024__07__2024-07-08-bridge-the-gap-between-policy-and-implementation-impactful-solutions-and-strategies-for-success-from-digital-gov-spring-2024-summit.md
)

copy_digitalgov_posts "$name" "cited by pairs11.jsonl" "${1:-}" "${posts[@]}"
