// Package lint is citelint's engine: it parses a draft into a Document (the
// goldmark tree turned into prose blocks with sentences, quotations and
// citation evidence, each mapped back to exact byte offsets; the walker is
// walker.go), defines the Rule and Diagnostic types, the shared analyses
// rules declare (Analysis, Rule.Requires, ResultOf) and the file access
// the driver serves them (Files, Pass.ReadFile), reads the config file and
// suppression comments, and runs rules over many files concurrently.
//
// The engine knows nothing of output formats (package report), of HTTP
// (package linkcheck), of particular rules (package rules) or of how a
// whole check is put together (package check).
package lint
