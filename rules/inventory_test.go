package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/lint"
)

// inventoryWith takes the inventory of src under a config, through the
// runner's Inspect hook, with the findings of the run attached.
func inventoryWith(t *testing.T, config, src string) []string {
	t.Helper()
	cfg, err := lint.ParseConfig(".citelint.yml", ".", []byte(config), All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	active, err := lint.Configure(All(), cfg, lint.Selection{Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	var rows []claims.Claim
	r := &lint.Runner{Rules: active, Known: Known, Jobs: 1}
	r.Inspect = func(doc *lint.Document, diags []lint.Diagnostic) {
		f := claims.File{Path: doc.Path, Claims: Inventory(doc, active, func(a lint.ActiveRule) *lint.Pass { return r.Pass(doc, a) })}
		f.Attach(diags, doc.Source)
		rows = f.Claims
	}
	res := r.Run(context.Background(), []lint.Input{{Path: "a.md", Format: lint.Markdown, Read: func() ([]byte, error) { return []byte(src), nil }}})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	var out []string
	for _, c := range rows {
		row := fmt.Sprintf("%d:%d %s %s %q %s:%q", c.Pos.Line, c.Pos.Column, c.Kind, c.Status, c.Text, c.Source.Kind, c.Source.Text)
		for _, d := range c.Findings {
			row += " " + d.Rule
		}
		out = append(out, row)
	}
	return out
}

// The inventory judges with the rules' configured options: with reach
// "paragraph" a figure is sourced by another sentence, an ignore pattern
// takes a figure out, and min-words lets a short quotation go.
func TestInventoryFollowsRuleOptions(t *testing.T) {
	src := "Sales rose 40% last year. The Census Bureau counted them.\n\n" +
		"The plant made 2,000 widgets.\n\n" +
		"Studies show that 12% of buyers returned.\n\n" +
		"The year was \"a long, slow, difficult year for all of the staff who work here.\"\n"
	for _, tt := range []struct {
		config string
		want   []string
	}{
		{"", []string{
			`1:12 figure unsourced "40%" none:"" uncited-number`,
			`3:16 figure unsourced "2,000 widgets" none:"" uncited-number`,
			`5:19 figure vague-source "12%" vague:"Studies show" vague-source uncited-number`,
			`7:14 quotation unattributed "\"a long, slow, difficult year for all of the staff who work here.\"" none:"" unattributed-quote`,
		}},
		{"rules:\n  uncited-number:\n    reach: paragraph\n    ignore-patterns: ['made [0-9,]+ widgets']\n  unattributed-quote:\n    min-words: 20\n", []string{
			`1:12 figure sourced "40%" named:"The Census Bureau"`,
			`5:19 figure vague-source "12%" vague:"Studies show" vague-source uncited-number`,
		}},
	} {
		got := inventoryWith(t, tt.config, src)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("config %q:\n%s\nwant\n%s", tt.config, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
