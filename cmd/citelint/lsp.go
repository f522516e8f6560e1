package main

import (
	"io"

	"github.com/citelint/citelint/lsp"
	"github.com/urfave/cli/v2"
)

// lspCommand serves the Language Server Protocol on standard input and
// output; all the work is in package lsp.
func lspCommand(stdin io.Reader) *cli.Command {
	return &cli.Command{
		Name:  "lsp",
		Usage: "run as a language server for editors (Language Server Protocol over stdin and stdout)",
		Flags: []cli.Flag{
			&cli.DurationFlag{Name: "delay", Value: lsp.DefaultDelay, Usage: "check a draft this long after the last change"},
			&cli.BoolFlag{Name: "allow-private", Usage: "let the link check on save reach private and loopback addresses"},
			// Editors' LSP clients often pass --stdio; stdio is the only transport.
			&cli.BoolFlag{Name: "stdio", Usage: "serve on stdin and stdout (the default and only transport)"},
		},
		Action: func(c *cli.Context) error {
			delay := c.Duration("delay")
			if delay < 0 {
				return cli.Exit("--delay must not be negative: write a duration such as 150ms", exitError)
			}
			err := lsp.Serve(c.Context, stdio{stdin, c.App.Writer}, lsp.Options{
				Delay:        delay,
				Version:      versionString(),
				AllowPrivate: c.Bool("allow-private"),
			})
			if err != nil {
				return cli.Exit("lsp: "+err.Error(), exitError)
			}
			return nil
		},
	}
}

// stdio joins standard input and output into the one stream a server
// speaks over. Closing it closes neither: the process owns them.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
