package sourcing

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
)

// maxLabelSpeakerWords bounds the words of a bold label that names a
// paragraph's speaker: "**U.S. CBP team:**".
const maxLabelSpeakerWords = 4

// SpeakerLabelled reports whether paragraph b of the document src opens
// with a speaker's label in bold, a name and a colon ("**Atul:** Sitting
// in on …", "**U.S. CBP team:** The term we like to use is, “…”"), as
// interviews write them: the paragraph is the speaker's, its quotes and
// its figures too (CLAIMS.md: a colon after a name is a cue). A callout's
// label ("**Note:**") names no one, nor does a topic's ("**Reuse and
// specialize:**").
func SpeakerLabelled(src []byte, b *lint.Block) bool {
	_, ok := labelName(src, b)
	return ok
}

// labelName returns the name of paragraph b's speaker label
// (SpeakerLabelled), and whether it has one.
func labelName(src []byte, b *lint.Block) (string, bool) {
	if b.Kind != lint.Paragraph {
		return "", false
	}
	raw := src[b.Start:b.End]
	var mark []byte
	switch {
	case bytes.HasPrefix(raw, []byte("**")):
		mark = []byte("**")
	case bytes.HasPrefix(raw, []byte("__")):
		mark = []byte("__")
	default:
		return "", false
	}
	end := labelEnd(raw[2:], mark)
	if end < 0 {
		return "", false
	}
	label := string(raw[2 : 2+end])
	after := raw[2+end+2:]
	name, colon := strings.CutSuffix(strings.TrimSpace(label), ":")
	if !colon {
		if !bytes.HasPrefix(after, []byte(":")) {
			return "", false
		}
		name = strings.TrimSpace(label)
	}
	// A name: every word capitalised, but a last word of role ("CBP
	// team"); a topic's label is not ("**Reuse and specialize:**",
	// "**Team building:**"). A word without a letter fails that test, so
	// counting every field bounds the name's words as counting words does.
	words := strings.Fields(name)
	if strings.ContainsAny(name, "?!") || len(words) > maxLabelSpeakerWords || prose.Has(name, prose.CalloutLabel) {
		return "", false
	}
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !(i > 0 && i == len(words)-1 && prose.Lookup(w).Is(prose.Role)) {
			return "", false
		}
	}
	return name, len(words) > 0
}

// labelEnd returns where mark closes a bold label at the start of rest,
// or -1: also when more words stand before it than a speaker's name and
// its colon hold, so a paragraph that opens with "**" and never closes it
// is read no further than its first words, however often it is asked.
func labelEnd(rest, mark []byte) int {
	words, inWord := 0, false
	for i := 0; i+1 < len(rest); i++ {
		if rest[i] == mark[0] && rest[i+1] == mark[1] {
			return i
		}
		space := rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\n' || rest[i] == '\r' || rest[i] == '\v' || rest[i] == '\f'
		if !space && !inWord {
			if words++; words > maxLabelSpeakerWords+1 {
				return -1 // the name and a colon standing apart: "**Ana Ruiz :**"
			}
		}
		inWord = !space
	}
	return -1
}

// SpeakerNamed reports whether paragraph b opens with a speaker's label
// (SpeakerLabelled) that names a person the post tells of: the initials
// of a name the post writes ("**MB:**" with "Mollie Bates"; not a lone
// "**A:**", any answer) or a name the post also writes inside a sentence
// ("**Kaeli:**" after "Kaeli and I arrived at…"). A capitalised word that
// labels a topic ("**Finding:**", "**Errors:**", "**Hypothesis:**") is
// not written so, and names no source of a figure.
//
// Whether the post writes a name does not depend on the paragraph, so a
// document's SpeakerNames keeps each answer: a post of many labelled
// paragraphs searches its text once per distinct name, and at most
// MaxSpeakerNames times in all, so it costs time linear in its length.
func (s *SpeakerNames) SpeakerNamed(b *lint.Block) bool {
	name, ok := labelName(s.src, b)
	if !ok {
		return false
	}
	if named, seen := s.named[name]; seen {
		return named
	}
	if len(s.named) >= MaxSpeakerNames {
		return false // a post of that many speakers is no interview: name no one
	}
	named := writesName(s.src, b, name)
	s.named[name] = named
	return named
}

// MaxSpeakerNames bounds the distinct speakers' labels a document's
// SpeakerNames looks for in its text; a label past them names no one.
const MaxSpeakerNames = 64

// SpeakerNames answers SpeakerNamed for the paragraphs of one document.
type SpeakerNames struct {
	src   []byte
	named map[string]bool
}

// NewSpeakerNames prepares SpeakerNamed over the document src.
func NewSpeakerNames(src []byte) *SpeakerNames {
	return &SpeakerNames{src: src, named: map[string]bool{}}
}

// writesName reports whether src writes name as SpeakerNamed asks: its
// initials as a name's, or the name inside a sentence.
func writesName(src []byte, b *lint.Block, name string) bool {
	if len(name) <= maxInitials && strings.IndexFunc(name, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
		return len(name) > 1 && initialsOf(src, name) // "**A:**" is any answer
	}
	for from := 0; from < len(src); {
		i := bytes.Index(src[from:], []byte(name))
		if i < 0 {
			return false
		}
		at := from + i
		from = at + len(name)
		if at >= b.Start && at < b.Start+4 {
			continue // the label itself
		}
		if from < len(src) && isWordByte(src[from]) {
			continue // "Kaelis"
		}
		if midSentence(src, at) {
			return true
		}
	}
	return false
}

// maxInitials bounds the letters of a speaker's initials: "MB", "AW".
const maxInitials = 3

// initialsOf reports whether src writes a name whose words' initials are
// initials, one capitalised word each: "Mollie Bates" for "MB".
func initialsOf(src []byte, initials string) bool {
	for at := 0; at < len(src); at++ {
		if src[at] != initials[0] || at > 0 && isWordByte(src[at-1]) {
			continue
		}
		k, j := 1, at
		for k < len(initials) {
			j = wordEnd(src, j)
			if j+1 >= len(src) || src[j] != ' ' || src[j+1] != initials[k] || j == at {
				break
			}
			j++
			k++
		}
		if k == len(initials) && wordEnd(src, j) > j+1 {
			return true
		}
	}
	return false
}

// wordEnd returns where the word of lowercase letters after src[at] ends:
// "Mollie" from its "M".
func wordEnd(src []byte, at int) int {
	j := at + 1
	for j < len(src) && src[j] >= 'a' && src[j] <= 'z' {
		j++
	}
	if j == at+1 {
		return at // no lowercase letter: an acronym or an initial
	}
	return j
}

// midSentence reports whether the word at src[at] follows another word of
// its sentence, a space between: "and Kaeli", "with Chris Holly".
func midSentence(src []byte, at int) bool {
	if at < 2 || src[at-1] != ' ' {
		return false
	}
	prev := src[at-2]
	return isWordByte(prev) || prev == ','
}

// isWordByte reports an ASCII letter or digit, or a byte of a character
// beyond ASCII.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}
