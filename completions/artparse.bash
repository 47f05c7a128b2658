# SPDX-License-Identifier: ISC
# bash completion for artparse(1): options, their values, and files.
# Installed by `make install` into bash-completion's completions folder;
# to try it: . completions/artparse.bash

_artparse()
{
	local cur prev opts
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	opts='-0 -d -e -f -h -i -j -o -q -V -w --allow-empty --charset-hint
	    --encoding --ext
	    --fail-fast --glob --max-memory --one-file-system
	    --files-from --follow --force --format --formatting --help --input
	    --jobs --keep-boilerplate --links --list-formats --max-size
	    --no-progress --null --output
	    --output-dir --pretty --progress --quiet --timeout --update
	    --version --width'

	# --opt=value: complete the value as if it were a separate word.
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	elif [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	case $prev in
	-f|--format)
		# The writer table, from the command itself.
		COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" \
		    --list-formats 2>/dev/null | cut -f1)" -- "$cur"))
		return ;;
	-i|--input)
		COMPREPLY=($(compgen -W 'auto text html warc' -- "$cur"))
		return ;;
	-e|--encoding|--charset-hint)
		COMPREPLY=($(compgen -W 'UTF-8 windows-1252 ISO-8859-1
		    ISO-8859-15 UTF-16' -- "$cur"))
		return ;;
	-j|--jobs)
		COMPREPLY=($(compgen -W "1 2 4 8 $(getconf \
		    _NPROCESSORS_ONLN 2>/dev/null)" -- "$cur"))
		return ;;
	-d|--output-dir)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-o|--output|--files-from)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-w|--width|--max-size|--max-memory|--timeout|--ext|--glob)
		return ;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _artparse artparse
