#!/usr/bin/env bash
# Materialises the 18F blog posts cited by the tenth held-out set
# (eval/labels/sourcecheck/pairs10.jsonl: paragraphs written by the labeller,
# each citing one 18F post by its public URL) from a git copy of
# github.com/18F/18f.gsa.gov into a folder outside this repository, next to
# the posts scripts/sources4.sh … sources9.sh put there.
#
#   scripts/sources10.sh [DEST]
#
# Source: $CITELINT_18F_GIT, a bare or ordinary git repository of 18f.gsa.gov
# (default /work/.mirror/18F+18f.gsa.gov/repo), read at the pinned commit of
# scripts/18f-git.sh so the pairs' evidence stays true. Destination: DEST, or
# $CITELINT_SOURCES, or ${XDG_CACHE_HOME:-~/.cache}/citelint/sources; the files
# land in its 18f/ folder, which is what each pair's source_file names. Posts
# already there are kept; none of these is cited by an earlier set.
#
# The 18F blog is a work of the US government (public domain in the US, CC0
# worldwide: LICENSE.md of that repository). It is kept out of the repository
# anyway, like every source text of the labelled sets: the sets hold claims
# and evidence sentences, not copies of pages.
set -euo pipefail

# shellcheck source=scripts/18f-git.sh
. "$(dirname "$0")/18f-git.sh"

# The blog posts the pairs cite. Public URL https://18f.gsa.gov/YYYY/MM/DD/<slug>/
# with the date of the post's front matter (the file name's when it has none),
# which for five posts is not the file name's:
# 2016-02-02-new-us-digital-registry-… is /2016/02/01/…,
# 2020-12-14-a-dashboard-for-privacy-offices is /2020/12/15/…,
# 2021-04-27-we_asked_our_coworkers_why_did_you_join_18f is /2021/05/11/…,
# 2023-04-20-hi-from-the-18F-design-chapter is /2023/05/02/…, and
# 2024-12-5-18f-project-defaults (one-digit day) is /2024/12/05/….
posts=(
	2014-03-21-29-minutes.md
	2015-02-18-steve-portigal-pre-event-qa-post.md
	2015-03-02-cos-post.md
	2015-03-13-how-to-protosketch.md
	2015-03-20-one-year-in-and-looking-forward.md
	2015-05-29-moveforward-analytics-video.md
	2015-10-14-whats-in-a-name-understanding-and-using-gov-acronyms.md
	2015-12-22-uk-digital-service-visits-us-to-begin-series-of-exchanges.md
	2016-02-02-new-us-digital-registry-authenticates-official-public-service-accounts.md
	2016-02-24-two-new-open-positions-to-guide-our-business-and-our-people.md
	2016-03-01-what-we-learned-after-interviewing-people-about-their-interactions-with-the-federal-government.md
	2016-04-05-three-teams-using-the-draft-us-web-design-standards-talk-about-their-experiences.md
	2016-04-21-checklistomania-makes-it-easy-to-keep-track-of-relative-tasks.md
	2016-06-14-prototype-early-prototype-often-lesson-from-the-data-act.md
	2016-06-30-6-ways-a-writing-lab-will-help-your-organization.md
	2016-07-22-building-empathy-with-stakeholder-interviews-part-2-conversation.md
	2016-07-29-live-streamed-demos-for-exponential-transparency-and-information-sharing.md
	2016-08-10-patterns-for-managing-multi-tenant-cloud-environments.md
	2016-09-12-james-scott-automating-engineering-better-government.md
	2016-10-24-embracing-opportunities-to-improve-and-innovate.md
	2017-09-21-method-cards-tune-up.md
	2017-10-03-building-a-large-scale-design-system.md
	2018-05-22-using-agile-methods-to-improve-the-rfp-process.md
	2019-10-29-culture-climate-survey.md
	2019-11-07-barriers-to-governments-adoption-of-user-centered-design-and-how-to-address-them.md
	2020-06-23-building-trust-in-a-public-health-crisis.md
	2020-12-14-a-dashboard-for-privacy-offices.md
	2021-04-01-building_a_user-centered_data_strategy.md
	2021-04-27-we_asked_our_coworkers_why_did_you_join_18f.md
	2022-08-25-senior-executives-pt5.md
	2023-04-20-hi-from-the-18F-design-chapter.md
	2023-04-25-18f-checks-in-with-the-dawson-project-at-the-us-tax-court.md
	2024-01-12-andrew-hyder-award.md
	2024-04-03-18f-practices-in-action.md
	2024-12-5-18f-project-defaults.md
)
copy_18f_posts sources10.sh "cited by pairs10.jsonl" "${1:-}" "${posts[@]}" || exit 2
