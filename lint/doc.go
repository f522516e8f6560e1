// Package lint is citelint's engine: it parses a draft into a Document (the
// goldmark tree turned into prose blocks with sentences, quotations and
// citation evidence, each mapped back to exact byte offsets), defines the
// Rule and Diagnostic types, reads the config file and suppression
// comments, and runs rules over many files concurrently.
//
// The engine knows nothing of output formats (package report), of
// HTTP (package linkcheck) or of particular rules (package rules).
package lint
