#!/usr/bin/env bash
# Materialises the digital.gov posts cited by the twelfth held-out set
# (eval/labels/sourcecheck/pairs12.jsonl: paragraphs written by the labeller,
# each citing one digital.gov post by its public URL) from the digitalgov
# corpus into a folder outside this repository, next to the 18F posts
# scripts/sources4.sh … sources11.sh put there.
#
#   scripts/sources12.sh [DEST]
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

name=sources12.sh

# The posts the pairs cite. Public URL https://digital.gov/YYYY/MM/DD/<slug>/
# with the front matter's date and slug, which for all 37 are the file
# name's.
posts=(
	2012__10__2012-10-02-taking-cancer-gov-mobile.md
	2013__05__2013-05-23-make-mobile-gov-with-the-mobile-application-development-program.md
	2013__07__2013-07-01-whats-in-a-name-does-matter.md
	2013__11__2013-11-19-tuesday-trends-smartphone-shipments-achieve-highest-share-to-date.md
	2013__12__2013-12-10-trends-on-tuesday-mobile-gaming-habits.md
	2013__12__2013-12-17-trends-on-tuesday-mobile-shopping-increased-for-2013-holiday-shopping.md
	2014__02__2014-02-19-10-tips-for-better-hallway-usability-testing.md
	2014__04__2014-04-15-trends-on-tuesday-e-reading-on-the-rise.md
	2014__05__2014-05-23-data-innovaton-with-census-at-hackforchange.md
	2014__06__2014-06-30-508-accessible-videos-why-and-how-to-make-them.md
	2014__07__2014-07-23-the-api-briefing-mapping-food-deserts-the-usda-economic-research-services-gis-map-services.md
	2014__08__2014-08-29-system-usability-scale-improving-products-since-1986.md
	2014__09__2014-09-10-stacking-up-the-benefits-of-openness.md
	2014__12__2014-12-02-social-media-success.md
	2014__12__2014-12-04-ex-im-bank-announces-improved-customer-contact-center-to-better-serve-u-s-exporters.md
	2014__12__2014-12-05-promoting-womens-health-through-dynamic-multilingual-content.md
	2014__12__2014-12-17-with-every-tool-possible-supporting-humanitarian-aid-efforts-through-crowdsourced-mapping.md
	2014__12__2014-12-31-big-in-socialgov-in-2014-services-access-and-participation.md
	2015__02__2015-02-05-u-s-public-participation-playbook-open-for-coders-and-designers-on-github.md
	2015__02__2015-02-10-trends-on-tuesday-smartphone-growth-reaches-1-3-billion-in-2014.md
	2015__02__2015-02-24-digital-analytics-program-among-finalists-for-igniting-innovation-award.md
	2015__05__2015-05-07-spoiler-alert-usdas-foodkeeper-app-helps-americans-avoid-wasting-good-food.md
	2015__05__2015-05-19-trends-on-tuesday-more-google-searches-now-take-place-on-mobile-devices-than-desktops.md
	2015__06__2015-06-25-using-apps-for-mental-healthcare.md
	2015__08__2015-08-05-taking-a-data-driven-approach-to-digital-marketing-at-the-peace-corps.md
	2015__10__2015-10-15-gov-analytics-breakdown-1-browsers-chrome-takes-the-cake.md
	2015__11__2015-11-13-engage-the-community-with-visual-greatness.md
	2016__07__2016-07-05-census-bureau-releases-key-statistics-in-honor-of-independence-day.md
	2016__09__2016-09-01-how-were-using-data-to-help-us-make-better-decisions.md
	2016__09__2016-09-14-the-data-briefing-harnessing-the-internet-of-things-and-synthetic-data-to-provide-better-flood-warnings-and-prevent-veterans-suicides.md
	2016__09__2016-09-19-building-on-30-years-of-experience-to-prepare-for-the-future-of-biotechnology.md
	2018__12__2018-12-20-designing-for-translation.md
	2019__06__2019-06-13-building-trust-with-users-through-open-communication-feedback.md
	2020__04__2020-04-15-10x-announces-25-projects-start-phase.md
	2020__08__2020-08-21-2-lessons-tech-leaders-can-learn.md
	2023__09__2023-09-12-from-pageviews-to-progress.md
	2023__10__2023-10-30-decoding-public-sentiment-harnessing-open-data-to-gain-insights-into-service-delivery.md
)

copy_digitalgov_posts "$name" "cited by pairs12.jsonl" "${1:-}" "${posts[@]}"
