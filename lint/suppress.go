package lint

import (
	"fmt"
	"sort"
	"strings"
)

// Suppressions are the citelint-disable comments of one document.
//
//	<!-- citelint-disable [rule,...] [-- reason] -->   until citelint-enable
//	<!-- citelint-enable [rule,...] -->
//	<!-- citelint-disable-next-line [rule,...] -->     the next non-blank line
//	<!-- citelint-disable-line [rule,...] -->          the comment's own line
//	<!-- citelint-disable-file [rule,...] -->          the whole file
//
// No rule list means every rule.
type Suppressions struct {
	file  ruleSet
	lines map[int]ruleSet // 0-based line → rules disabled on it
	// regions maps a rule ID ("" for every rule) to its disabled regions,
	// which do not overlap and are sorted by start.
	regions map[string][]region
	// Problems are comments that name unknown rules or directives.
	Problems []SuppressionProblem
}

// SuppressionProblem is a suppression comment citelint cannot honour.
type SuppressionProblem struct {
	Start, End int
	Message    string
}

// ruleSet is a set of rule IDs; nil is no rules, and all marks every rule.
type ruleSet struct {
	all bool
	ids map[string]bool
}

func (s ruleSet) has(id string) bool { return s.all || s.ids[id] }

func (s *ruleSet) add(o ruleSet) {
	if o.all {
		s.all = true
	}
	for id := range o.ids {
		if s.ids == nil {
			s.ids = map[string]bool{}
		}
		s.ids[id] = true
	}
}

// region disables a rule (or every rule) from Start to End (exclusive). In
// a region that disables every rule, except maps rules enabled again to
// the offset of their enable comment.
type region struct {
	Start, End int
	except     map[string]int
}

const directivePrefix = "citelint-"

// ParseSuppressions reads the suppression comments of d. known reports
// whether a rule ID exists.
func ParseSuppressions(d *Document, known func(string) bool) *Suppressions {
	s := &Suppressions{}
	open := map[string]int{} // rule ID, or "" for all, → region start
	var reenabled []reenable // rules enabled again while "all" is disabled
	for _, c := range d.Comments {
		body := strings.TrimSpace(c.Text)
		if !strings.HasPrefix(body, directivePrefix) {
			continue
		}
		directive, list, _ := strings.Cut(body, " ")
		if reason := strings.Index(list, " -- "); reason >= 0 {
			list = list[:reason]
		} else if strings.HasPrefix(strings.TrimSpace(list), "--") {
			list = ""
		}
		rules, ok := s.parseList(c, list, known)
		if !ok {
			continue
		}
		line := d.Lines.LineOf(c.Start)
		switch directive {
		case "citelint-disable-file":
			s.file.add(rules)
		case "citelint-disable-line":
			s.disableLine(d.Lines.LineOf(c.End), rules)
			if first := line; first != d.Lines.LineOf(c.End) {
				s.disableLine(first, rules)
			}
		case "citelint-disable-next-line":
			s.disableLine(nextNonBlankLine(d, d.Lines.LineOf(c.End)), rules)
		case "citelint-disable":
			for _, id := range rules.keys() {
				if _, isOpen := open[id]; !isOpen {
					open[id] = c.End
				}
			}
		case "citelint-enable":
			if rules.all {
				for id, start := range open {
					s.addRegion(id, start, c.Start)
				}
				clear(open)
				continue
			}
			for _, id := range rules.keys() {
				if start, isOpen := open[id]; isOpen {
					s.addRegion(id, start, c.Start)
					delete(open, id)
				} else if _, allOpen := open[""]; allOpen {
					reenabled = append(reenabled, reenable{id, c.Start})
				}
			}
		default:
			s.Problems = append(s.Problems, SuppressionProblem{c.Start, c.End,
				fmt.Sprintf("unknown directive %q: use citelint-disable, citelint-enable, citelint-disable-line, citelint-disable-next-line or citelint-disable-file", directive)})
		}
	}
	for id, start := range open {
		s.addRegion(id, start, len(d.Source))
	}
	s.carveReenabled(reenabled)
	return s
}

// carveReenabled applies "citelint-enable rule-x" inside a disable-all
// region: rule-x is checked again from the enable on.
func (s *Suppressions) carveReenabled(re []reenable) {
	all := s.regions[""]
	for i := range all {
		r := &all[i]
		for _, e := range re {
			if e.at >= r.Start && e.at < r.End {
				if r.except == nil {
					r.except = map[string]int{}
				}
				if _, seen := r.except[e.id]; !seen {
					r.except[e.id] = e.at
				}
			}
		}
	}
}

type reenable struct {
	id string
	at int
}

// addRegion records a disabled region of rule id ("" for every rule).
// Comments come in source order, so each rule's regions stay sorted.
func (s *Suppressions) addRegion(id string, start, end int) {
	if s.regions == nil {
		s.regions = map[string][]region{}
	}
	s.regions[id] = append(s.regions[id], region{Start: start, End: end})
}

func (s ruleSet) keys() []string {
	if s.all {
		return []string{""}
	}
	out := make([]string, 0, len(s.ids))
	for id := range s.ids {
		out = append(out, id)
	}
	return out
}

func (s *Suppressions) parseList(c Comment, list string, known func(string) bool) (ruleSet, bool) {
	fields := strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(fields) == 0 {
		return ruleSet{all: true}, true
	}
	set := ruleSet{ids: map[string]bool{}}
	for _, id := range fields {
		if !known(id) {
			s.Problems = append(s.Problems, SuppressionProblem{c.Start, c.End,
				fmt.Sprintf("unknown rule %q in suppression comment: run \"citelint rules\" for the list", id)})
			continue
		}
		set.ids[id] = true
	}
	return set, len(set.ids) > 0
}

func (s *Suppressions) disableLine(line int, rules ruleSet) {
	if s.lines == nil {
		s.lines = map[int]ruleSet{}
	}
	set := s.lines[line]
	set.add(rules)
	s.lines[line] = set
}

func nextNonBlankLine(d *Document, line int) int {
	for l := line + 1; l < d.Lines.Lines(); l++ {
		if strings.TrimSpace(string(d.Source[d.Lines.LineStart(l):d.Lines.LineEnd(l)])) != "" {
			return l
		}
	}
	return line + 1
}

// Suppressed reports whether a diagnostic of rule id starting at offset
// (on the 0-based line) is disabled.
func (s *Suppressions) Suppressed(id string, offset, line int) bool {
	if s.file.has(id) {
		return true
	}
	if set, ok := s.lines[line]; ok && set.has(id) {
		return true
	}
	if _, ok := regionAt(s.regions[id], offset); ok {
		return true
	}
	if r, ok := regionAt(s.regions[""], offset); ok {
		if at, enabled := r.except[id]; !enabled || offset < at {
			return true
		}
	}
	return false
}

// regionAt finds the region holding offset among sorted, disjoint regions.
func regionAt(rs []region, offset int) (region, bool) {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].End > offset })
	if i < len(rs) && rs[i].Start <= offset {
		return rs[i], true
	}
	return region{}, false
}
