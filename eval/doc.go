// Package eval scores citelint's judging rules against independently
// labelled text, the way a model is scored: precision and recall per set.
//
// It runs the real rules through the same engine the command line uses
// (lint.Configure, lint.Parse, lint.Runner.Check), offline, and compares
// their findings with the labels committed in labels/ (digitalgov posts
// and PolNeAR articles) and with PolNeAR's own gold attributions. Nothing
// in lint/ or rules/ depends on it: the harness sits beside the product,
// never inside it, so scoring can never change what a rule reports.
//
// The texts are not in the repository. digitalgov is read from
// $CITELINT_DIGITALGOV (default ../shared/corpora/digitalgov beside the
// module root); PolNeAR from $CITELINT_POLNEAR (default
// $XDG_CACHE_HOME/citelint/polnear), materialised by scripts/polnear.sh.
// PolNeAR's data/test split is held out: this package refuses to open it.
package eval
