// Package verify decides whether a source says what a draft says it does:
// whether a quotation is in the page it cites, and whether a figure is.
// It is pure: it reads strings (the draft's claim, the source's extracted
// text) and knows nothing of HTTP, HTML, PDF or Markdown; the link checker
// fetches and the extractors produce the text it reads.
//
// # Text
//
// Normalize folds what typography changes and meaning does not: Unicode
// NFKC (ligatures, full-width forms, "…", vulgar fractions), curly quotes,
// dashes and the minus sign, every kind of space, soft hyphens and other
// invisible characters, and case. A Text keeps the way back from every
// offset of the normalised text to the source, so evidence always points
// into the real page.
//
// # Quotations
//
// MatchQuote answers Verbatim, Near, Absent or Unchecked. Words are compared,
// not characters, so punctuation and spacing never make a quotation
// wrong. An ellipsis splits a quotation into pieces found in order; a
// [bracketed] insertion stands for the few words the writer replaced. A
// quotation whose words are not all there is Near when a passage reaches
// the similarity threshold (0.9 by default, over the words of both), and
// then the differing words are reported ("will not" for "cannot"); a
// quotation of fewer than four words is never near, since a short quoted
// string is usually a term, where one word changed is another term.
// Absent comes with the nearest passage found, if any, as evidence.
//
// The verdict is the matcher's honest answer within its limits: a
// quotation or source over its size limit, or a search that runs out of
// its budget of comparisons, is Unchecked with the reason, never Absent.
//
// The search is near-linear in the size of the source: a sliding count of
// the quotation's words picks the stretches of the source that could
// reach the threshold at all (a passage similar enough must hold enough
// of those words within a bounded length), and only those are aligned
// word by word (a Levenshtein alignment over words). Hostile sources made
// of the quotation's words are bounded by QuoteOptions.MaxAlignCells.
//
// # Evidence
//
// Sentence widens a match to the sentences around it, found by
// prose.SplitSentences within the paragraph; TextFragment links to a span
// with a #:~:text= directive (WICG Text Fragments) that a browser scrolls
// to and highlights.
//
// # Figures
//
// The quantity side parses figures on both sides into a value and a unit
// class (percent, currency with its code, count, multiplier, duration)
// with exact decimals, reading number words with a parser of its own, so
// that "1.2 million", "1,200,000" and "1.2m" are one figure, and a claim
// matches a source figure equal within the claim's own precision.
package verify
