# Shared by the bench scripts (sourced, not run). Needs $OUT set to the run's output folder.

# CPU shares since the previous call, from /proc/stat: steal (st) is CPU time the hypervisor gave to
# other guests, which uptime does not show; a run with st or wa above a few % is disturbed.
cpu_since() {   # state in a file, so that it also works from $(...) subshells
  local now prev; now=$(awk '/^cpu /{print $2+$3, $4+$7+$8, $5, $6, $9}' /proc/stat)
  prev=$(cat "$OUT/.cpustat" 2>/dev/null || true)
  if [ -n "$prev" ]; then
    awk -v a="$prev" -v b="$now" 'BEGIN { split(a, x, " "); split(b, y, " "); t = 0
      for (i = 1; i <= 5; i++) { d[i] = y[i] - x[i]; t += d[i] } if (t <= 0) t = 1
      printf "us %.0f%% sy %.0f%% id %.0f%% wa %.0f%% st %.0f%%", 100*d[1]/t, 100*d[2]/t, 100*d[3]/t, 100*d[4]/t, 100*d[5]/t }'
  fi
  echo "$now" > "$OUT/.cpustat"
}
