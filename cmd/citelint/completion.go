package main

import (
	_ "embed"
	"fmt"

	"github.com/urfave/cli/v2"
)

// The completion scripts ask citelint for completions through urfave/cli's
// hidden --generate-bash-completion flag; adapted from urfave/cli's
// autocomplete/bash_autocomplete and zsh_autocomplete.
var (
	//go:embed completion.bash
	bashCompletion string
	//go:embed completion.zsh
	zshCompletion string
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell script that completes citelint's commands and options",
		ArgsUsage: "bash|zsh|fish",
		Description: "Prints the completion script for your shell. To load it in every new shell:\n\n" +
			"   bash: echo 'source <(citelint completion bash)' >> ~/.bashrc\n" +
			"   zsh:  echo 'source <(citelint completion zsh)' >> ~/.zshrc\n" +
			"   fish: citelint completion fish > ~/.config/fish/completions/citelint.fish",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				fmt.Fprint(c.App.Writer, bashCompletion)
			case "zsh":
				fmt.Fprint(c.App.Writer, zshCompletion)
			case "fish":
				script, err := c.App.ToFishCompletion()
				if err != nil {
					return cli.Exit(fmt.Sprintf("make the fish completion: %v", err), exitError)
				}
				fmt.Fprint(c.App.Writer, script)
			default:
				return cli.Exit("completion takes the shell's name: bash, zsh or fish", exitError)
			}
			return nil
		},
	}
}
