// Package prose models the language of a paragraph once, for every rule
// that judges it: words (Tokenize), sentences (SplitSentences), quotations
// (FindQuotes), the lexicon of word classes kept as data (lexicon.txt), and
// who said what (Analyze).
//
// It knows nothing of Markdown: it reads the plain text of one paragraph,
// in which ObjectRune stands for a thing that is not prose (a code span, an
// image, a footnote reference). Offsets are bytes of that text.
//
// # The lexicon
//
// Every word list lives once, in lexicon.txt, as a class: the words that
// attribute ([cue]), the sources that name nobody ([vague-source]), the
// units a figure can have ([unit]) and so on. Word classes (Class) are
// looked up word by word by the tokenizer; text classes (TextClass) are
// matched against text as written (EndsWith, Has). Adding a word is one
// line of data; "citelint explain" shows the classes from the same file.
//
// # The attribution model
//
// Analyze finds a paragraph's attributions as source, cue and content (the
// PARC / PolNeAR scheme), reading a sentence only when asked about it.
// It is a reading by rules over the lexicon's classes, not a statistical
// parser: around each cue word it looks for the source before the cue
// ("X said", over words like "also" and "has"), after it ("said X",
// "reported by X", "according to X"), or in apposition ("X, chair of the
// board, said"), or as the owner of something said ("X's testimony on
// …"); the content is the clause the cue governs ("said that
// …", "…, X said."), widened to whole quotations. Colons and dash lines
// attribute quotations without a cue word. A source is
//
//   - named: a name (a capitalised word the lexicon does not know, an
//     acronym, capitalised words together), a role or dataset tied to one
//     ("a Labor Department spokesman", "Census estimates"), or a pronoun or
//     definite description referring back to a name earlier in the
//     paragraph (a pronoun also to one in an earlier paragraph), or what
//     such a pronoun owns ("documents from his tax return");
//   - vague: nobody ("studies", "experts", "officials" with no body, "a
//     recent study", "people familiar with the matter", "it is believed",
//     "reportedly", "several Clinton supporters": some of a group, though
//     a name stands before the noun);
//   - first-hand: the writer ("we found");
//   - unnamed: anyone else ("the man said", "the agency" with no agency
//     named before it).
//
// Speech denied, supposed or to come ("did not say", "if someone asks",
// "is expected to announce") is no attribution, nor are nouns that look
// like cues ("the report", "many thanks"). Beliefs ("thinks", "expects")
// are kept only for groups that hold views ("analysts expect").
//
// Every step is bounded (a source is at most a few words, a cue's content
// is its sentence or the quotations it starts), so the work is linear in
// the length of the sentences read. eval scores the model against
// PolNeAR's annotations (go run ./eval/cmd/citelint-eval -rule
// attribution-model).
package prose

// ObjectRune stands in the prose text for something that is not prose but
// takes a place in the sentence: a code span, an image, an autolink, a
// footnote reference. Rules see it as an opaque word.
const ObjectRune = '\uFFFC'

// Sentence is a span of a paragraph's text.
type Sentence struct {
	Start, End int // byte offsets, end exclusive
}
