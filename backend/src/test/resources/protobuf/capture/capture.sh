#!/bin/bash
# Usage: capture.sh CASES OUTDIR [dry]  -- one line per case: name|kubectl args (an _ inside an arg is a space)
K=/usr/lib/google-cloud-sdk/bin/kubectl.1.32
S="--server=http://127.0.0.1:18731 --cache-dir /tmp/proto/kc"
OUT=$2
while IFS='|' read -r name args; do
  [ -z "$name" ] && continue
  read -ra argv <<< "$args"
  for i in "${!argv[@]}"; do argv[$i]="${argv[$i]//_/ }"; done
  rm -f /tmp/proto/bodies/last.pb
  $K $S "${argv[@]}" >/dev/null 2>&1
  if [ ! -f /tmp/proto/bodies/last.pb ]; then echo "NO BODY: $name"; continue; fi
  cp /tmp/proto/bodies/last.pb $OUT/$name.pb
  if [ "$3" = dry ]; then
    dry=(); rest=(); seen=0
    for a in "${argv[@]}"; do if [ "$a" = "--" ] && [ $seen = 0 ]; then seen=1; dry+=(--dry-run=client -o json); fi; if [ $seen = 0 ]; then dry+=("$a"); else rest+=("$a"); fi; done
    [ $seen = 0 ] && dry+=(--dry-run=client -o json)
    $K $S "${dry[@]}" "${rest[@]}" > $OUT/$name.json 2>/tmp/proto/err.txt || { echo "DRY FAIL $name"; cat /tmp/proto/err.txt; }
  fi
  echo "$name $(head -1 /tmp/proto/bodies/last.meta)"
done < $1
