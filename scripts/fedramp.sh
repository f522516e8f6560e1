#!/usr/bin/env bash
# Materialises the FedRAMP blog (github.com/GSA/fedramp-gov, _posts: 138
# posts from 2017 to 2025 by GSA's FedRAMP office: announcements, guidance,
# case studies) as a second corpus no rule was tuned on, for precision
# reviews of what the rules report on unfamiliar text (review round 3 of
# session 12). The posts stay outside the repository.
#
#   scripts/fedramp.sh [DEST]
#
# Source: $CITELINT_FEDRAMP_GIT, a bare or ordinary git repository of
# fedramp-gov (default /work/.mirror/GSA+fedramp-gov/repo), read at the
# commit pinned below so that reviewed findings' lines and columns stay true.
# Destination: DEST, or $CITELINT_FEDRAMP, or
# ${XDG_CACHE_HOME:-~/.cache}/citelint/fedramp.
#
# FedRAMP's site is a work of the US government: public domain in the US and
# CC0 worldwide (LICENSE.md of that repository).
set -euo pipefail

src=${CITELINT_FEDRAMP_GIT:-/work/.mirror/GSA+fedramp-gov/repo}
dest=${1:-${CITELINT_FEDRAMP:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/fedramp}}

# shellcheck source=scripts/pinned-posts.sh
. "$(dirname "$0")/pinned-posts.sh"
copy_pinned_posts fedramp.sh "FedRAMP blog posts" GSA/fedramp-gov CITELINT_FEDRAMP_GIT "$src" \
	2c01508bd81b96d68a2289da12b0aa45e51bd84f _posts "$dest" || exit 2
