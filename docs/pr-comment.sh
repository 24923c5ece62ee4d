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
# Each comparison is yoydiff's `github` format. The budget of GitHub's 65,536-character
# comment limit is shared between the files by need: each file first gets a floor (4,000
# characters, or an even share when that is less), the rest in proportion to the size of its
# whole comment, and a file whose whole comment fits in its share gets just that, the room
# it leaves going to the others. When no report changed, OUT is not written and the script
# exits 0, so the workflow can skip posting.
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
total=$(( 65000 - 200 * count ))
floor=$(( total / count < 4000 ? total / count : 4000 ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Characters, not bytes, as GitHub counts them (bytes, an upper bound, where no UTF-8
# locale is installed).
chars() { LC_ALL=C.UTF-8 wc -m < "$1" 2>/dev/null || wc -c < "$1"; }
# The whole comment of each file: its need.
for ((i = 0; i < ${#pairs[@]}; i += 3)); do
  "$yoydiff" diff "${pairs[i]}" "${pairs[i+1]}" --format github --max-chars 100000000 > "$tmp/$i"
  chars "$tmp/$i" >> "$tmp/needs"
done
# Water-filling: floor plus a share in proportion to need, capped at need, until stable.
mapfile -t budgets < <(awk -v total="$total" -v floor="$floor" '
  { need[NR] = $1 + 0 }
  END {
    n = NR; left = total
    do {
      changed = 0; k = 0; sum = 0
      for (i = 1; i <= n; i++) if (!done[i]) { k++; sum += need[i] }
      spare = left - floor * k; if (spare < 0) spare = 0
      for (i = 1; i <= n; i++) if (!done[i]) {
        b[i] = int(floor + (sum > 0 ? spare * need[i] / sum : 0))
        if (need[i] <= b[i]) { b[i] = need[i]; done[i] = 1; left -= need[i]; changed = 1 }
      }
    } while (changed && k > 0)
    for (i = 1; i <= n; i++) print b[i]
  }' "$tmp/needs")
{
  echo "<!-- yoydiff -->"
  for ((i = 0; i < ${#pairs[@]}; i += 3)); do
    old=${pairs[i]} new=${pairs[i+1]} path=${pairs[i+2]}
    budget=${budgets[i / 3]}
    echo
    if [ "$count" -gt 1 ]; then echo "## \`$path\`"; echo; fi
    if (( $(chars "$tmp/$i") <= budget )); then
      cat "$tmp/$i"
    else
      "$yoydiff" diff "$old" "$new" --format github --max-chars "$budget"
    fi
  done
} > "$tmp/comment"
mv "$tmp/comment" "$out"
