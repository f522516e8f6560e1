package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/internal/safefile"
	"github.com/urfave/cli/v2"
)

// claimsCommand is "citelint claims": the fact-checker's worksheet.
func claimsCommand(stdin io.Reader) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "markdown", Usage: "write the worksheet as `NAME`, or NAME=FILE to write it to a file: markdown (a table), csv (for spreadsheets) or json"},
	}
	for _, f := range checkFlags() {
		switch f.Names()[0] {
		case "format", "output", "fail-on", "color", "network-only":
		case "quiet":
			flags = append(flags, &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "leave out notes such as how many links the cache could not answer for"})
		default:
			flags = append(flags, f)
		}
	}
	return &cli.Command{
		Name:      "claims",
		Usage:     "list every figure, quotation and cited link with its source, for fact-checking",
		ArgsUsage: "[PATH...]",
		Description: "Writes a worksheet for a fact-checker: one row per figure, quotation and cited\n" +
			"link in the drafts, sourced or not, with the sentence it is in, its source (a\n" +
			"link, a footnote, a named attribution, a vague one or none), what the link\n" +
			"checker found at the link, and the finding if there is one. The sourced rows\n" +
			"are there too: they still have to be checked. Every finding \"citelint check\"\n" +
			"reports with the same flags is in exactly one row; findings that are about no\n" +
			"figure, quotation or link (a leftover [citation needed]) get a row of kind\n" +
			"\"other\".\n\n" +
			"   citelint claims draft.md                      a Markdown table on the terminal\n" +
			"   citelint claims --format csv=claims.csv docs/ for a spreadsheet\n" +
			"   citelint claims --offline draft.md            links judged from the cache only\n\n" +
			"Links are checked over the network as in \"citelint check\" unless --offline.\n" +
			"Exit status: 0 when the worksheet is written, whatever it holds; 2 for a usage,\n" +
			"config or file error (the other files are still listed).",
		Flags: flags,
		Action: func(c *cli.Context) error {
			return runClaims(c, stdin)
		},
	}
}

func runClaims(c *cli.Context, stdin io.Reader) error {
	format, file, hasFile := strings.Cut(c.String("format"), "=")
	if !slices.Contains(claims.Formats, format) {
		return cli.Exit(fmt.Sprintf("--format %s: unknown worksheet format; use %s", c.String("format"), strings.Join(claims.Formats, ", ")), exitError)
	}
	if hasFile && file == "" {
		return cli.Exit(fmt.Sprintf("--format %s: name a file after '=', or leave out '=' to write to the terminal", c.String("format")), exitError)
	}
	if err := safefile.CheckDestination("the worksheet", file, nil); file != "" && err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	if err := checkFlagCombinations(c); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	ctx, stop := signalContext()
	defer stop()
	res, err := lintPaths(ctx, c, stdin, c.Args().Slice(), func(o *check.Options) { o.Inventory = true })
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	if file != "" {
		// Checked again now that the files read are known: never replace one.
		if err := safefile.CheckDestination("the worksheet", file, res.Protect()); err != nil {
			return cli.Exit(err.Error(), exitError)
		}
	}
	var buf bytes.Buffer
	if err := claims.Write(&buf, format, res.Inventory); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	if err := safefile.Write(buf.Bytes(), file, c.App.Writer); err != nil {
		return cli.Exit(fmt.Sprintf("write the worksheet: %v", err), exitError)
	}
	printErrors(c, res.Errors)
	if len(res.Errors) > 0 {
		return cli.Exit("", exitError)
	}
	return nil
}
