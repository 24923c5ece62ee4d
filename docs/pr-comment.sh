#!/usr/bin/env bash
# Builds the body of a pull-request comment from the report files a pull request changes.
#
#   docs/pr-comment.sh BASE HEAD OUT [PATHSPEC...]
#
# BASE and HEAD are git revisions (the pull request's base and head commits), OUT the file to
# write the comment to, PATHSPEC the report files to look at (default: '*.txt' '*.md'). Run it
# from inside the repository. YOYDIFF names the yoydiff binary (default: yoydiff).
#
# For every report file changed between BASE and HEAD:
# - modified: its BASE version is compared with its HEAD version;
# - added, named PREFIX-YYYY.ext: compared with the latest earlier edition PREFIX-YYYY.ext in
#   the same folder at HEAD (a new year's report is usually a new file);
# - anything else (deleted, or added without an earlier edition) is skipped.
# Each comparison is yoydiff's `github` format; the budget of GitHub's 65,536-character
# comment limit is shared between the files. When no report changed, OUT is not written and
# the script exits 0, so the workflow can skip posting.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 BASE HEAD OUT [PATHSPEC...]" >&2
  exit 2
fi
base=$1 head=$2 out=$3
shift 3
if [ $# -eq 0 ]; then set -- '*.txt' '*.md'; fi
yoydiff=${YOYDIFF:-yoydiff}

pairs=()
while IFS=$'\t' read -r status path; do
  case $status in
    M*) pairs+=("$base:$path" "$head:$path" "$path") ;;
    A*)
      dir=$(dirname -- "$path") file=$(basename -- "$path")
      if [[ $file =~ ^(.+)-([0-9]{4})\.([A-Za-z]+)$ ]]; then
        prefix=${BASH_REMATCH[1]} year=${BASH_REMATCH[2]} ext=${BASH_REMATCH[3]}
        prev=""
        while IFS= read -r candidate; do
          name=$(basename -- "$candidate")
          if [[ $name =~ ^(.+)-([0-9]{4})\.([A-Za-z]+)$ ]] && [ "${BASH_REMATCH[1]}" = "$prefix" ] \
             && [ "${BASH_REMATCH[3]}" = "$ext" ] && [ "${BASH_REMATCH[2]}" -lt "$year" ]; then
            prev=$candidate
          fi
        done < <(git ls-tree --name-only "$head" -- "$dir/" | sort)
        if [ -n "$prev" ]; then pairs+=("$head:$prev" "$head:$path" "$path"); fi
      fi
      ;;
  esac
done < <(git diff --name-status --no-renames "$base" "$head" -- "$@")

count=$(( ${#pairs[@]} / 3 ))
if [ "$count" -eq 0 ]; then
  echo "pr-comment: no changed report files" >&2
  exit 0
fi
# Leave room for the headings this script adds around each comparison.
budget=$(( (65000 - 200 * count) / count ))
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo "<!-- yoydiff -->"
  for ((i = 0; i < ${#pairs[@]}; i += 3)); do
    old=${pairs[i]} new=${pairs[i+1]} path=${pairs[i+2]}
    echo
    if [ "$count" -gt 1 ]; then echo "## \`$path\`"; echo; fi
    "$yoydiff" diff "$old" "$new" --format github --max-chars "$budget"
  done
} > "$tmp"
mv "$tmp" "$out"
trap - EXIT
