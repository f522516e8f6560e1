package check

import (
	"cmp"
	"slices"
	"sync"

	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
)

// inventoryRun collects the inventory of each file as the run checks it
// (Options.Inventory).
type inventoryRun struct {
	mu    sync.Mutex
	files []claims.File
}

// startInventory has the runner take each document's inventory once its
// rules ran, while the document is parsed, when Options.Inventory asks
// for it; it returns nil otherwise.
func (l *Linter) startInventory(runner *lint.Runner) *inventoryRun {
	if !l.opts.Inventory {
		return nil
	}
	inv := &inventoryRun{}
	active, keepSource := l.active, l.opts.KeepSource
	runner.Inspect = func(doc *lint.Document, diags []lint.Diagnostic) {
		f := claims.File{Path: doc.Path, Claims: rules.Inventory(doc, active, func(a lint.ActiveRule) *lint.Pass { return runner.Pass(doc, a) })}
		f.Attach(diags, doc.Source)
		if keepSource {
			f.Source = doc.Source
		}
		inv.mu.Lock()
		defer inv.mu.Unlock()
		inv.files = append(inv.files, f)
	}
	return inv
}

// findingKey identifies a finding among a file's findings.
type findingKey struct {
	path, rule, message string
	start, end          int
}

// finish returns the files' inventories in path order, keeping only the
// findings the run reports: kept are the run's findings once the baseline
// and --changed-since filters have removed theirs.
func (inv *inventoryRun) finish(kept []lint.Diagnostic) []claims.File {
	if inv == nil {
		return nil
	}
	left := make(map[findingKey]int, len(kept))
	for _, d := range kept {
		left[findingKey{d.Path, d.Rule, d.Message, d.Start, d.End}]++
	}
	for i := range inv.files {
		inv.files[i].Keep(func(d lint.Diagnostic) bool {
			k := findingKey{d.Path, d.Rule, d.Message, d.Start, d.End}
			if left[k] == 0 {
				return false
			}
			left[k]--
			return true
		})
	}
	slices.SortStableFunc(inv.files, func(a, b claims.File) int { return cmp.Compare(a.Path, b.Path) })
	return inv.files
}
