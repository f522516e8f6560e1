// Package claims describes the inventory of a draft: every figure,
// quotation and cited link in it, sourced or not, with its source and the
// state of that source. It is what a fact-checker works through (the
// "citelint claims" worksheet) and what the HTML report highlights; the
// findings of the rules are attached to the rows they concern.
//
// This package holds the vocabulary, the attachment of findings to rows
// (File.Attach, File.Keep) and the worksheet formats (Write); package
// rules takes the inventory of a document (rules.Inventory, from the
// rules' own judgement), and package check of a whole run
// (check.Options.Inventory).
package claims

import "github.com/citelint/citelint/lint"

// Kind is what a row is about.
type Kind string

// Kinds of rows.
const (
	// Figure is a number stated as fact: "45% of renters", "$4.2 billion".
	Figure Kind = "figure"
	// Quotation is a quoted passage presented as someone's words.
	Quotation Kind = "quotation"
	// Link is a cited link: a web address or a local file.
	Link Kind = "link"
	// Other is a finding that concerns none of the above, such as a
	// leftover "[citation needed]" or a vague source with no figure: it
	// has a row of its own so that every finding is in the worksheet.
	Other Kind = "other"
)

// SourceKind is how a claim is sourced.
type SourceKind string

// Kinds of source.
const (
	// SourceLink is a link in the claim's sentence (or one that the
	// sentence's paragraph or table points to for it).
	SourceLink SourceKind = "link"
	// SourceFootnote is a footnote reference, or a reference-list entry.
	SourceFootnote SourceKind = "footnote"
	// SourceNamed is a named attribution: "the Census Bureau said",
	// "according to Dr. Lee".
	SourceNamed SourceKind = "named"
	// SourceVague is an attribution to no one in particular: "studies
	// show", "experts say".
	SourceVague SourceKind = "vague"
	// SourceNone is no source at all.
	SourceNone SourceKind = "none"
)

// Status is the one word a reader of the report sees for a row; the
// report colours and labels rows by it.
type Status string

// Statuses, from the reader's point of view.
const (
	Sourced      Status = "sourced"
	Unsourced    Status = "unsourced"
	VagueSource  Status = "vague-source"
	Unattributed Status = "unattributed"
	Dead         Status = "dead"
	Paywalled    Status = "paywalled"
	Moved        Status = "moved"
	Unverified   Status = "unverified"
	// NotInSource is a figure or quotation that its cited source does
	// not contain (an unsupported-figure or misquoted warning): it has a
	// source, and the source does not say so.
	NotInSource Status = "not-in-source"
	// Finding is the status of an Other row: what its finding says.
	Finding Status = "finding"
)

// Source is where a claim comes from, as the draft gives it.
type Source struct {
	Kind SourceKind `json:"kind"`
	// Text is the source as written: the attribution ("the Census
	// Bureau"), the footnote label, or the link's text.
	Text string `json:"text,omitempty"`
	// URL is the link's destination, for a link source.
	URL string `json:"url,omitempty"`
}

// Claim is one row of the inventory.
type Claim struct {
	Path string `json:"path"`
	Kind Kind   `json:"kind"`
	// Start and End are byte offsets of the claim itself (the figure, the
	// quotation with its marks, the link) in the file as read; End is
	// exclusive. Pos and EndPos are their lines and columns.
	Start  int           `json:"start"`
	End    int           `json:"end"`
	Pos    lint.Position `json:"pos"`
	EndPos lint.Position `json:"end_pos"`
	// Text is the claim as written: "45%", the quotation, the link's
	// destination; for an Other row, its finding's span. It is cut to
	// MaxText characters (a quotation can be a whole blockquote): Start
	// and End give the whole.
	Text string `json:"text"`
	// Sentence is the sentence holding the claim, as plain text, as a
	// finding there shows it (lint.Diagnostic.Excerpt): cut around the
	// claim past 100 characters either side. SentenceStart and
	// SentenceEnd span the whole sentence in the file (the claim's own
	// span when it is not in prose).
	Sentence      string `json:"sentence"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	Source        Source `json:"source"`
	// LinkStatus is the link checker's verdict on the cited web link
	// ("ok", "dead", "paywalled", "redirected", "unverifiable", "skipped",
	// or "not-checked" when the run has no result for it), "dead" for a
	// relative link to a missing file, and "" when the claim cites no web
	// link; LinkReason is its evidence ("HTTP 404").
	LinkStatus string `json:"link_status,omitempty"`
	LinkReason string `json:"link_reason,omitempty"`
	// Status is the rules' judgement of the claim, whether or not its
	// finding is reported: a suppression comment, a baseline or
	// --changed-since can leave an unsourced figure without a finding.
	Status Status `json:"status"`
	// Findings are the findings about this claim; each finding of a run
	// is attached to exactly one row.
	Findings []lint.Diagnostic `json:"findings,omitempty"`
}

// File is the inventory of one checked file.
type File struct {
	Path   string  `json:"path"`
	Claims []Claim `json:"claims"`
	// Source is the file as read, kept only when a report asks for it
	// (the HTML report renders the draft itself).
	Source []byte `json:"-"`
}
