package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// The position contract, recomputed here from the bytes alone rather than
// with lint.LineIndex, so that a test does not grade the code with itself:
// lines break at '\n'; a CRLF's '\r' belongs to the line end; a lone '\r'
// is an ordinary character; columns count code points from 1; a leading
// byte order mark is no column; ends are exclusive.

// contractPosition is where an offset lies per the contract.
type contractPosition struct {
	lint.Position
	ByteColumn int
}

// contractPositions returns the position of each offset in src, walking
// the bytes once in offset order so that a hundred thousand findings in a
// 5 MB file cost one pass, not one per finding.
func contractPositions(src []byte, offs []int) map[int]contractPosition {
	sorted := slices.Compact(slices.Sorted(slices.Values(offs)))
	out := make(map[int]contractPosition, len(sorted))
	bom := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		bom = len("\ufeff")
	}
	line, col, lineStart, i := 1, 1, 0, 0
	for _, off := range sorted {
		for ; i < off && i < len(src); i++ {
			switch c := src[i]; {
			case c == '\n':
				line, col, lineStart = line+1, 1, i+1
			case i < bom: // the byte order mark takes no column
				lineStart = i + 1
			case utf8.RuneStart(c):
				col++
			}
		}
		out[off] = contractPosition{lint.Position{Line: line, Column: col}, 1 + off - lineStart}
	}
	return out
}

// offsetError says why off cannot bound a span of src: outside the file,
// inside a character, inside the byte order mark, or between a CRLF's
// '\r' and '\n'.
func offsetError(src []byte, off int) error {
	switch {
	case off < 0 || off > len(src):
		return fmt.Errorf("offset %d outside the file (%d bytes)", off, len(src))
	case off > 0 && off < len("\ufeff") && bytes.HasPrefix(src, []byte("\ufeff")):
		return fmt.Errorf("offset %d inside the byte order mark", off)
	case off < len(src) && !utf8.RuneStart(src[off]):
		return fmt.Errorf("offset %d inside a character", off)
	case off > 0 && off < len(src) && src[off-1] == '\r' && src[off] == '\n':
		return fmt.Errorf("offset %d between the \\r and \\n of a line end", off)
	}
	return nil
}

// spanError checks a span [start, end) of src.
func spanError(src []byte, start, end int) error {
	if err := offsetError(src, start); err != nil {
		return err
	}
	if err := offsetError(src, end); err != nil {
		return err
	}
	if end < start {
		return fmt.Errorf("span [%d,%d) ends before it starts", start, end)
	}
	return nil
}

// diagnosticsInvariants checks everything the runner promises about the
// diagnostics of src.
func diagnosticsInvariants(src []byte, diags []lint.Diagnostic) error {
	offs := make([]int, 0, 2*len(diags))
	for _, d := range diags {
		if err := spanError(src, d.Start, d.End); err != nil {
			return fmt.Errorf("%s at [%d,%d) %q: %w", d.Rule, d.Start, d.End, d.Message, err)
		}
		offs = append(offs, d.Start, d.End)
	}
	pos := contractPositions(src, offs)
	for _, d := range diags {
		where := fmt.Sprintf("%s at [%d,%d) %q", d.Rule, d.Start, d.End, d.Message)
		start, end := pos[d.Start], pos[d.End]
		if d.Pos != start.Position || d.EndPos != end.Position {
			return fmt.Errorf("%s: at %+v-%+v, want %+v-%+v", where, d.Pos, d.EndPos, start.Position, end.Position)
		}
		if d.ByteColumn != start.ByteColumn || d.EndByteColumn != end.ByteColumn {
			return fmt.Errorf("%s: byte columns %d-%d, want %d-%d", where, d.ByteColumn, d.EndByteColumn, start.ByteColumn, end.ByteColumn)
		}
		if d.Message == "" || d.Severity == 0 || d.Rule == "" {
			return fmt.Errorf("%s: incomplete diagnostic %+v", where, d)
		}
		if strings.ContainsAny(d.Snippet.Text, "\r\n") || !utf8.ValidString(d.Snippet.Text) {
			return fmt.Errorf("%s: snippet %q holds a line break or a broken character", where, d.Snippet.Text)
		}
		if !utf8.ValidString(d.Excerpt) || !utf8.ValidString(d.Message) {
			return fmt.Errorf("%s: excerpt %q or message holds a broken character", where, d.Excerpt)
		}
		for _, e := range d.Fix {
			if err := spanError(src, e.Start, e.End); err != nil {
				return fmt.Errorf("%s: fix %+v: %w", where, e, err)
			}
		}
	}
	return nil
}

// documentInvariants checks the document model that rules read: every
// span lies in the file on character boundaries, blocks are in source
// order and do not overlap, each block's sentences tile its text and map
// back into the block, and citations lie in their blocks.
func documentInvariants(doc *lint.Document) error {
	src := doc.Source
	prevEnd := 0
	for i, b := range doc.Blocks {
		where := fmt.Sprintf("block %d (%s at [%d,%d))", i, b.Kind, b.Start, b.End)
		if err := spanError(src, b.Start, b.End); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if b.Index != i {
			return fmt.Errorf("%s: index %d", where, b.Index)
		}
		if b.Start < prevEnd {
			return fmt.Errorf("%s: overlaps the block before, which ends at %d", where, prevEnd)
		}
		prevEnd = b.End
		if !utf8.ValidString(b.Text) {
			return fmt.Errorf("%s: text %q is not UTF-8", where, b.Text)
		}
		if len(b.Sentences) == 0 && strings.TrimSpace(b.Text) != "" {
			return fmt.Errorf("%s: text %q has no sentence", where, b.Text)
		}
		next := 0
		for j, s := range b.Sentences {
			if s.Start < next || s.End < s.Start || s.End > len(b.Text) {
				return fmt.Errorf("%s: sentence %d [%d,%d) out of order or outside the text (%d bytes)", where, j, s.Start, s.End, len(b.Text))
			}
			next = s.End
			ss, se := b.SourceSpan(s.Start, s.End)
			if err := spanError(src, ss, se); err != nil {
				return fmt.Errorf("%s: sentence %d maps to [%d,%d): %w", where, j, ss, se, err)
			}
			if ss < b.Start || se > b.End {
				return fmt.Errorf("%s: sentence %d maps to [%d,%d), outside the block", where, j, ss, se)
			}
		}
		for _, q := range b.Quotes {
			if q.Start < 0 || q.End < q.Start || q.End > len(b.Text) {
				return fmt.Errorf("%s: quote %+v outside the text (%d bytes)", where, q, len(b.Text))
			}
		}
		for _, c := range b.Citations {
			if c.Block != i {
				return fmt.Errorf("%s: holds a citation of block %d", where, c.Block)
			}
			if c.TextStart < 0 || c.TextEnd < c.TextStart || c.TextEnd > len(b.Text) {
				return fmt.Errorf("%s: %s text span [%d,%d) outside the text (%d bytes)", where, c.Kind, c.TextStart, c.TextEnd, len(b.Text))
			}
		}
	}
	for _, c := range doc.Citations {
		where := fmt.Sprintf("%s %q at [%d,%d)", c.Kind, c.Target, c.Start, c.End)
		if err := spanError(src, c.Start, c.End); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if err := spanError(src, c.TargetStart, c.TargetEnd); err != nil {
			return fmt.Errorf("%s: target: %w", where, err)
		}
		if c.Block < 0 || c.Block >= len(doc.Blocks) {
			return fmt.Errorf("%s: in block %d of %d", where, c.Block, len(doc.Blocks))
		}
		if b := doc.Blocks[c.Block]; c.Start < b.Start || c.End > b.End {
			return fmt.Errorf("%s: outside its block [%d,%d)", where, b.Start, b.End)
		}
	}
	for _, c := range doc.Containers {
		if err := spanError(src, c.Start, c.End); err != nil {
			return fmt.Errorf("container at [%d,%d): %w", c.Start, c.End, err)
		}
		for _, bi := range c.Blocks {
			if b := doc.Blocks[bi]; b.Start < c.Start || b.End > c.End {
				return fmt.Errorf("container at [%d,%d): holds block %d at [%d,%d)", c.Start, c.End, bi, b.Start, b.End)
			}
		}
		if p := c.Parent; p != nil && (c.Start < p.Start || c.End > p.End) {
			return fmt.Errorf("container at [%d,%d): outside its parent [%d,%d)", c.Start, c.End, p.Start, p.End)
		}
	}
	for _, d := range doc.Definitions {
		if err := spanError(src, d.Start, d.End); err != nil {
			return fmt.Errorf("definition [%s] at [%d,%d): %w", d.Label, d.Start, d.End, err)
		}
		if err := spanError(src, d.URLStart, d.URLEnd); err != nil {
			return fmt.Errorf("definition [%s] URL at [%d,%d): %w", d.Label, d.URLStart, d.URLEnd, err)
		}
	}
	for _, c := range doc.Comments {
		if err := spanError(src, c.Start, c.End); err != nil {
			return fmt.Errorf("comment at [%d,%d): %w", c.Start, c.End, err)
		}
	}
	return nil
}

func TestContractPositions(t *testing.T) {
	src := []byte("\ufeffab\r\ncé\rd\n\nx")
	tests := []struct {
		off                      int
		line, column, byteColumn int
	}{
		{0, 1, 1, 1},
		{3, 1, 1, 1},  // after the byte order mark
		{5, 1, 3, 3},  // the '\r' of the CRLF: the line end
		{7, 2, 1, 1},  // after the CRLF
		{8, 2, 2, 2},  // é
		{10, 2, 3, 4}, // a lone '\r' is a character
		{11, 2, 4, 5},
		{13, 3, 1, 1},
		{14, 4, 1, 1},
		{15, 4, 2, 2}, // the end of the file
	}
	offs := make([]int, 0, len(tests))
	for _, tt := range tests {
		offs = append(offs, tt.off)
	}
	slices.Reverse(offs) // any order
	got := contractPositions(src, offs)
	for _, tt := range tests {
		want := contractPosition{lint.Position{Line: tt.line, Column: tt.column}, tt.byteColumn}
		if got[tt.off] != want {
			t.Errorf("offset %d: %+v, want %+v", tt.off, got[tt.off], want)
		}
	}
	for off, want := range map[int]string{
		1:  "inside the byte order mark",
		6:  "between the \\r and \\n",
		9:  "inside a character",
		16: "outside the file",
	} {
		if err := offsetError(src, off); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("offset %d: error %v, want %q", off, err, want)
		}
	}
}
