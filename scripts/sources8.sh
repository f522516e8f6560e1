#!/usr/bin/env bash
# Materialises the 18F blog posts cited by the eighth held-out set
# (eval/labels/sourcecheck/pairs8.jsonl: paragraphs written by the labeller,
# each citing one 18F post by its public URL) from a git copy of
# github.com/18F/18f.gsa.gov into a folder outside this repository, next to
# the posts scripts/sources4.sh … sources7.sh put there.
#
#   scripts/sources8.sh [DEST]
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
# which for four posts is not the file name's:
# 2020-06-03-making-critical-… is /2020/06/04/…, 2020-06-30-transforming-… is
# /2020/07/07/…, 2020-11-23-the-key-role-… is /2020/11/24/…,
# 2021-04-27-building_product_management_…_part_3_… is /2021/05/03/….
posts=(
	2014-07-29-18f-an-open-source-team.md
	2014-11-13-why-we-use-https-in-every-gov-website-we-make.md
	2014-12-18-a-complete-list-of-gov-domains.md
	2015-06-02-taking-the-pulse-of-the-federal-governments-web-presence.md
	2015-06-11-18f-at-national-civic-hacking-day.md
	2015-11-03-content-strategy-for-all-insights-from-cfpb-natalie-kurz.md
	2015-12-01-how-we-dramatically-improved-18fs-onboarding-process-in-3-months.md
	2015-12-11-how-we-test-18f-gsa-gov.md
	2016-01-07-announcing-the-18f-micro-purchase-platform.md
	2016-03-03-how-people-learn-to-navigate-government-services.md
	2016-03-09-trust-as-a-two-way-street.md
	2016-04-15-compliance-masonry-buildling-a-risk-management-platform.md
	2016-05-18-why-were-moving-18f-gsa-gov-to-federalist.md
	2016-06-02-open-data-democratizes-innovation.md
	2016-06-07-building-better-by-building-together-with-the-federal-election-commission.md
	2016-09-06-nicole-fenton-a-wordsmith-joins-government.md
	2016-10-04-what-is-static-source-analysis.md
	2016-11-22-a-vulnerability-disclosure-policy-for-the-technology-transformation-service.md
	2017-01-05-building-effective-agile-partnership-between-government-industry.md
	2018-04-05-ask-18f-form-design.md
	2018-08-02-ask-18f-talent.md
	2018-12-04-product-management-at-18f-part-1-new-engagements.md
	2019-03-07-six-ways-we-improved-tts-design-research-guild.md
	2019-11-21-interior-becoming-a-product-manager-post.md
	2020-06-03-making-critical-government-information-more-resilient.md
	2020-06-30-transforming-how-dojs-civil-rights-division-engages-with-the-public.md
	2020-11-23-the-key-role-of-product-owners-in-federated-data-projects.md
	2020-12-17-18f-and-tts-office-of-acquisition-award-first-assisted-acquisition.md
	2021-03-31-18f-public-benefits-portfolio-reflects-on-the-last-year.md
	2021-04-27-building_product_management_capacity_in_government_part_3_a_day_in_the_life_of_a_new_product_owner.md
	2022-07-13-content-design-ada.md
	2022-08-18-senior-executives-part4.md
)
copy_18f_posts sources8.sh "cited by pairs8.jsonl" "${1:-}" "${posts[@]}" || exit 2
