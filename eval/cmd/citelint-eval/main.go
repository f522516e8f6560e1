// Command citelint-eval scores citelint's judging rules against the
// labelled sets in eval/labels and PolNeAR's gold attributions, and prints
// precision and recall per set:
//
//	go run ./eval/cmd/citelint-eval [-set digitalgov:tune] [-rule uncited-number] [-v]
//
// -set and -rule may be repeated; by default every set and both rules.
// Texts are read from $CITELINT_DIGITALGOV and $CITELINT_POLNEAR (see
// package eval). Exit status: 0 after printing, 2 on a usage or data error
// (a missing corpus, a label whose document changed).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/citelint/citelint/eval"
)

type list []string

func (l *list) String() string { return strings.Join(*l, ",") }
func (l *list) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("citelint-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var sets, rules list
	fs.Var(&sets, "set", "score `SET` only (repeatable): "+strings.Join(eval.Sets, ", ")+"; later held-out sets: "+strings.Join(eval.LaterSets, ", ")+" (not run by default); the source checks (unsupported-figure, misquoted) on their pairs: "+strings.Join(eval.SourceSets, ", ")+" (not run by default)")
	fs.Var(&rules, "rule", "score `RULE` only (repeatable): "+eval.UncitedNumber+", "+eval.UnattributedQuote+", "+eval.AttributionModel+" (PolNeAR sets)")
	verbose := fs.Bool("v", false, "list every false positive, false negative, false flag and stray finding")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "citelint-eval: unexpected argument %q: name sets with -set\n", fs.Arg(0))
		return 2
	}
	for _, r := range rules {
		if r != eval.UncitedNumber && r != eval.UnattributedQuote && r != eval.AttributionModel {
			fmt.Fprintf(stderr, "citelint-eval: -rule %q: the harness scores %s, %s and %s\n", r, eval.UncitedNumber, eval.UnattributedQuote, eval.AttributionModel)
			return 2
		}
	}
	if v := os.Getenv("CITELINT_EVAL_MAX_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "citelint-eval: CITELINT_EVAL_MAX_BYTES=%q: give a positive number of bytes\n", v)
			return 2
		}
		eval.MaxDocumentBytes = n
	}
	if len(sets) == 0 {
		sets = slices.Clone(eval.Sets)
	}
	c, err := eval.NewChecker()
	if err != nil {
		fmt.Fprintf(stderr, "citelint-eval: %v\n", err)
		return 2
	}
	status := 0
	model := len(rules) == 0 || slices.Contains(rules, eval.AttributionModel)
	ruleList := slices.DeleteFunc(slices.Clone(rules), func(r string) bool { return r == eval.AttributionModel })
	for _, set := range sets {
		if split, ok := strings.CutPrefix(set, "sourcecheck:"); ok {
			res, err := eval.ScoreSources(context.Background(), split)
			if err != nil {
				fmt.Fprintf(stderr, "citelint-eval: %s: %v\n", set, err)
				status = 2
				continue
			}
			eval.PrintSources(stdout, res, *verbose)
			continue
		}
		if len(rules) == 0 || len(ruleList) > 0 {
			res, err := eval.Run(c, set, ruleList)
			if err != nil {
				fmt.Fprintf(stderr, "citelint-eval: %s: %v\n", set, err)
				status = 2
				continue
			}
			eval.Print(stdout, res, *verbose)
		}
		if split, ok := strings.CutPrefix(set, "polnear:"); ok && model && !eval.LaterDev(split) {
			root, err := eval.PolnearDir()
			if err == nil {
				var s *eval.ModelScore
				if s, err = eval.ScoreModel(root, split); err == nil {
					eval.PrintModel(stdout, set, s, *verbose)
				}
			}
			if err != nil {
				fmt.Fprintf(stderr, "citelint-eval: %s: %v\n", set, err)
				status = 2
			}
		}
	}
	return status
}
