package prose

import (
	"fmt"
	"strings"
	"testing"
)

func TestEndsWith(t *testing.T) {
	for _, tc := range []struct {
		text  string
		class TextClass
		start int
		ok    bool
	}{
		{"a book titled", TitleCue, 7, true},
		{"The Term", TitleCue, 0, true},          // letter case ignored
		{"known as", TitleCue, 0, true},          // a phrase, one space apart
		{"known  as", TitleCue, 0, false},        // not two spaces
		{"untitled", TitleCue, 0, false},         // whole words only
		{"the so-called", TitleCue, 7, true},     // "called" comes first in the file; "-" ends a word
		{"keywords", TitleCue, 0, true},          // "keyword" is not a suffix at a word start
		{"phrasing, e.g.", ExampleCue, 10, true}, // punctuation inside a member
		{"phrasing like", ExampleCue, 9, true},
		{"unlike", ExampleCue, 0, false},
		{"éfor example", ExampleCue, 0, false},    // a letter beyond ASCII joins the word
		{"—for example", ExampleCue, 3, true},     // a dash does not
		{"Editor’s note", CalloutLabel, 11, true}, // "note" comes first in the file
		{"", TitleCue, 0, false},
		{"titled", lastTextClass, 0, false},        // no such class
		{"Making the", TitleSmallWord, 7, true},    // exact class, as written
		{"Making The", TitleSmallWord, 0, false},   // exact class, other case
		{"a worn-out cliché", TitleNoun, 11, true}, // a member beyond ASCII
		{"a worn-out CLICHE", TitleNoun, 11, true},
		{"it’s", PassiveAux, 0, true},
		{"Ask yourself", ImagineCue, 4, true},
		{"you’re", WonderLead, 0, true},
		{"the rallying cry", TitleCue, 0, true}, // the longer phrase ends it
		{"a rallying cry", TitleCue, 0, false},
		{"search terms", TitleCue, 0, true},
		{"the search term", TitleCue, 4, true}, // "search term", not "the term"
		{"the button", UINoun, 4, true},
		{"Click", UIVerb, 0, true},
		{"the recommendations", DocumentNoun, 4, true},
	} {
		start, ok := EndsWith(tc.text, tc.class)
		if start != tc.start || ok != tc.ok {
			t.Errorf("EndsWith(%q, %s) = %d, %v; want %d, %v", tc.text, tc.class.Name(), start, ok, tc.start, tc.ok)
		}
	}
}

func TestHas(t *testing.T) {
	for _, tc := range []struct {
		w     string
		class TextClass
		want  bool
	}{
		{"note", CalloutLabel, true},
		{"NOTE", CalloutLabel, true},
		{"editor's note", CalloutLabel, true}, // a phrase, not only its last word
		{"Editor’s Note", CalloutLabel, true},
		{"my note", CalloutLabel, false}, // the member must be all of w
		{"editor's", CalloutLabel, false},
		{"the", TitleSmallWord, true},
		{"The", TitleSmallWord, false}, // exact
		{"Cliché", TitleNoun, true},
		{"would", DoubtModal, true},
		{"will", DoubtModal, false}, // "The study will review…" attributes
		{"Imagine", ImagineCue, true},
		{"re-imagine", ImagineCue, false}, // Has never matches a part of w
		{"", TitleNoun, false},
		{"called", PassiveTitleCue, true},
		{"named", PassiveTitleCue, false},
		{"programme", WorkNoun, true},
		{"wonder", WonderVerb, true},
		{"whenever", WonderLead, true},
		{"such as", ExampleCue, true},
		{"got", PassiveAux, true},
		{"search", TitleNoun, true},
		{"titled", lastTextClass + 1, false},
	} {
		if got := Has(tc.w, tc.class); got != tc.want {
			t.Errorf("Has(%q, %s) = %v, want %v", tc.w, tc.class.Name(), got, tc.want)
		}
	}
}

// TestTextLookupsDoNotAllocate guards the rules' hot paths, which ask
// about every quotation and every word of a quoted title.
func TestTextLookupsDoNotAllocate(t *testing.T) {
	long := strings.Repeat("x", 1<<16) + " Known As"
	n := testing.AllocsPerRun(100, func() {
		EndsWith(long, TitleCue)
		Has("Editor’s Note", CalloutLabel)
		Has("Cliché", TitleNoun)
	})
	if n != 0 {
		t.Errorf("%v allocations a run, want 0", n)
	}
}

// TestTextClassesDocumented checks that every text class has its section,
// flagged "text", under its name, and that its members are not words the
// tokenizer looks up.
func TestTextClassesDocumented(t *testing.T) {
	docs := Classes()
	if len(docs) != len(classNames)+int(lastTextClass) {
		t.Fatalf("Classes() has %d classes, want %d", len(docs), len(classNames)+int(lastTextClass))
	}
	for c := TextClass(0); c < lastTextClass; c++ {
		d := docs[len(classNames)+int(c)]
		if d.Name != c.Name() || !d.Text || d.Doc == "" || len(d.Members) == 0 {
			t.Errorf("text class %s: section %q, text %v, %d members, doc %q", c.Name(), d.Name, d.Text, len(d.Members), d.Doc)
		}
	}
	if got := Lookup("webinar"); got.Class != 0 { // only in [work-noun]
		t.Errorf("Lookup(webinar) = %#x, want no class: text classes stay out of the word table", uint64(got.Class))
	}
	if got := TextClass(200).Name(); got != "TextClass(200)" {
		t.Errorf("TextClass(200).Name() = %q", got)
	}
}

func TestParseLexiconTextErrors(t *testing.T) {
	lineOf := func(data, s string) int {
		before, _, _ := strings.Cut(data, s)
		return strings.Count(before, "\n") + 1
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"text class without flag", "[title-cue] text\n", "[title-cue]\n",
			`class "title-cue" is a text class in prose/lexicon.go exactly when its header says "text"`},
		{"word class with flag", "[cue]\n", "[cue] text\n",
			`class "cue" is a text class in prose/lexicon.go exactly when its header says "text"`},
		{"unknown flag", "[title-cue] text\n", "[title-cue] text loud\n",
			`unknown flag "loud" (only "text" and "exact")`},
		{"curly apostrophe", "\nyou you're might", "\nyou you’re might",
			`"you’re": a text class's members are UTF-8 words with no value, apostrophes written straight (') to match both kinds`},
		{"value", "\nyou you're might", "\nyou=1 you're might",
			`"you=1": a text class's members are UTF-8 words with no value, apostrophes written straight (') to match both kinds`},
	} {
		data := strings.Replace(lexiconData, tc.old, tc.new, 1)
		if data == lexiconData {
			t.Fatalf("%s: %q is not in lexicon.txt", tc.name, tc.old)
		}
		want := fmt.Sprintf("lexicon line %d: %s", lineOf(data, strings.TrimPrefix(tc.new, "\n")), tc.want)
		if _, err := ParseLexicon(data); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %s", tc.name, err, want)
		}
	}
}

// TestHasLengthFilter checks Has, which turns away words no member is as
// long as, against reading every member with the word's key byte: for
// every member of every text class, written as it is, in capitals, with
// curly apostrophes, and a byte longer or shorter.
func TestHasLengthFilter(t *testing.T) {
	lx := lexicon
	reference := func(w string, c TextClass) bool {
		if w == "" {
			return false
		}
		fold := !lx.classes[len(classNames)+int(c)].Exact
		for _, m := range lx.textMembers(c, lastByte(w, fold)) {
			if i, ok := suffixAt(w, m, fold); ok && i == 0 {
				return true
			}
		}
		return false
	}
	checked := 0
	for c := range lastTextClass {
		for _, key := range lx.textKeys {
			for _, m := range key.list {
				for _, w := range []string{m, strings.ToUpper(m), strings.ReplaceAll(m, "'", "’"),
					strings.Replace(m, "'", "’", 1), m + "s", "a" + m, m[1:], m[:len(m)-1], strings.Repeat(m, 20)} {
					if got, want := Has(w, c), reference(w, c); got != want {
						t.Fatalf("Has(%q, %s) = %v, reading every member gives %v", w, c.Name(), got, want)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no text-class members")
	}
}

// EndsWith's filters (the last byte, the byte before it) turn away only
// texts that no member ends: it agrees with reading every member.
func TestEndsWithFilter(t *testing.T) {
	lx := lexicon
	reference := func(text string, c TextClass) (int, bool) {
		if text == "" {
			return 0, false
		}
		fold := !lx.classes[len(classNames)+int(c)].Exact
		for _, m := range lx.textMembers(c, lastByte(text, fold)) {
			if i, ok := suffixAt(text, m, fold); ok && (i == 0 || !endsInWordRune(text[:i])) {
				return i, true
			}
		}
		return 0, false
	}
	checked := 0
	for c := range lastTextClass {
		for _, key := range lx.textKeys {
			for _, m := range key.list {
				for _, text := range []string{m, "the " + m, "The " + strings.ToUpper(m), "so " + strings.ReplaceAll(m, "'", "’"),
					"x" + m, m + "s", m[:len(m)-1], m[1:], "’" + m, m + "’"} {
					gi, gok := EndsWith(text, c)
					wi, wok := reference(text, c)
					if gi != wi || gok != wok {
						t.Fatalf("EndsWith(%q, %s) = %d, %v; reading every member gives %d, %v", text, c.Name(), gi, gok, wi, wok)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no text-class members")
	}
}

// textMembers returns the members of text class c whose key byte is b,
// in file order: the reading of every member that the filters of
// EndsWith and Has are checked against.
func (lx *Lexicon) textMembers(c TextClass, b byte) []string {
	if k := lx.texts[b][c]; k > 0 {
		return lx.textKeys[k-1].list
	}
	return nil
}
