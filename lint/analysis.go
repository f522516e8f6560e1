package lint

import (
	"fmt"
	"slices"
)

// Analysis is work on a document that several rules share, such as the
// list of its links: computed at most once per document, by the first
// rule that asks, and offered to every rule that declares it in
// Rule.Requires (as go/analysis offers ResultOf). T is the result's type,
// so rules read it without assertions.
type Analysis[T any] struct {
	// Name says what the analysis finds, for messages.
	Name string
	// Run computes the result for one document. It must not keep the
	// document, and its result must not change once returned, except
	// through memoization the result itself makes safe.
	Run func(*Document) T
}

// Requirement is an analysis as a rule declares it; every *Analysis is one.
type Requirement interface {
	analysisName() string
}

func (a *Analysis[T]) analysisName() string { return a.Name }

// ResultOf returns analysis a of the pass's document. A rule may ask only
// for an analysis its Requires lists: asking for another panics, which
// the runner reports as an internal error naming the rule, so that the
// declarations stay true.
func ResultOf[T any](p *Pass, a *Analysis[T]) T {
	if !slices.Contains(p.requires, Requirement(a)) {
		panic(fmt.Sprintf("the rule reads the %s analysis without listing it in Requires", a.Name))
	}
	return Compute(p.Doc, a)
}

// Compute returns analysis a of doc, computing it on the first call for
// the document: for drivers, which hold no pass (the link pass lists a
// document's links with the analysis the link rules then reuse).
func Compute[T any](doc *Document, a *Analysis[T]) T {
	return doc.memo(a, func() any { return a.Run(doc) }).(T)
}

// passMemoKey keys a Memo value apart from the analyses.
type passMemoKey struct{ key any }

// Memo returns fn's value for the pass's document, computed once per
// document by the first rule that asks with key and shared with every
// rule that asks with the same key: for work that, unlike an Analysis,
// reads the run's values (Pass.Value), such as what the link checker
// said of the document's links. key must be comparable, of a type of the
// caller's package so that no other package's key equals it; fn must not
// ask for key itself.
func Memo[T any](p *Pass, key any, fn func() T) T {
	return p.Doc.memo(passMemoKey{key}, func() any { return fn() }).(T)
}
