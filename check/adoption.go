package check

import (
	"slices"

	"github.com/citelint/citelint/baseline"
	"github.com/citelint/citelint/lint"
	unverifiablelink "github.com/citelint/citelint/rules/unverifiable-link"
)

// Fails reports whether a finding is at least failOn (--fail-on); failOn
// 0 (never) fails nothing.
func (r *Result) Fails(failOn lint.Severity) bool {
	if failOn == 0 {
		return false
	}
	return slices.ContainsFunc(r.Diagnostics, func(d lint.Diagnostic) bool { return d.Severity >= failOn })
}

// Baseline returns the baseline of the run's findings. It leaves out the
// findings that depend on a failed network, which a baseline must not
// record: a link the network would not let citelint judge says nothing
// lasting about the draft. (Links not checked at all, for want of a
// network, give no finding to leave out; a domain's NXDOMAIN is dead only
// when other names resolved in the run.)
func (r *Result) Baseline() *baseline.Baseline {
	return baseline.New(slices.DeleteFunc(slices.Clone(r.Diagnostics), func(d lint.Diagnostic) bool {
		return d.Rule == unverifiablelink.Rule.ID
	}))
}
