package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// bashCompletion asks citelint for completions through urfave/cli's hidden
// --generate-bash-completion flag; adapted from urfave/cli's
// autocomplete/bash_autocomplete.
const bashCompletion = `# citelint completion for bash. Load it with:
#   source <(citelint completion bash)
_citelint_complete() {
  local cur words
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  words=("${COMP_WORDS[@]:0:$COMP_CWORD}")
  local opts
  if [[ "$cur" == "-"* ]]; then
    opts=$("${words[@]}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${words[@]}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
  return 0
}
complete -o bashdefault -o default -F _citelint_complete citelint
`

// zshCompletion is the zsh counterpart, adapted from urfave/cli's
// autocomplete/zsh_autocomplete.
const zshCompletion = `#compdef citelint
# citelint completion for zsh. Load it with:
#   source <(citelint completion zsh)
_citelint_complete() {
  local -a opts
  local cur
  cur=${words[-1]}
  if [[ "$cur" == "-"* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} --generate-bash-completion)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _citelint_complete citelint
`

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
