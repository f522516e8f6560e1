#!/usr/bin/env bash
# Materialises the cloud.gov news posts (github.com/cloud-gov/cg-site,
# _posts: 134 posts from 2015 to 2025, mostly release notes and platform
# announcements of GSA's cloud.gov team) as a corpus no rule was tuned on,
# for precision reviews of what the rules report on unfamiliar text (review
# round 3 of session 12). The posts stay outside the repository.
#
#   scripts/cloudgov.sh [DEST]
#
# Source: $CITELINT_CLOUDGOV_GIT, a bare or ordinary git repository of
# cg-site (default /work/.mirror/cloud-gov+cg-site/repo), read at the commit
# pinned below so that reviewed findings' lines and columns stay true.
# Destination: DEST, or $CITELINT_CLOUDGOV, or
# ${XDG_CACHE_HOME:-~/.cache}/citelint/cloudgov.
#
# cloud.gov's site is a work of the US government: public domain in the US
# and CC0 worldwide (LICENSE.md of that repository).
set -euo pipefail

src=${CITELINT_CLOUDGOV_GIT:-/work/.mirror/cloud-gov+cg-site/repo}
dest=${1:-${CITELINT_CLOUDGOV:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/cloudgov}}

# shellcheck source=scripts/pinned-posts.sh
. "$(dirname "$0")/pinned-posts.sh"
copy_pinned_posts cloudgov.sh "cloud.gov posts" cloud-gov/cg-site CITELINT_CLOUDGOV_GIT "$src" \
	536b459f25dc541450f8b02675b32584196a05fd _posts "$dest" || exit 2
