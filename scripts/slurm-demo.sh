#!/usr/bin/env bash
# The sharded bootstrap on a real, single-node Slurm cluster (what `make slurm-demo` runs).
#
# Starts munged, slurmctld and slurmd by hand with a configuration in a temporary folder,
# submits the bootstrap of ECSI mobi as a job array (scripts/slurm/bootstrap-array.sbatch, one
# shard per task) and the merge as a job depending on it (scripts/slurm/merge.sbatch), waits,
# and checks that the merged JSON is byte-identical to a single `plssem bootstrap` run with the
# same seed. With --analysis mga the array runs the multi-group analysis of corp rep extended
# by servicetype instead (scripts/slurm/mga-array.sbatch: permutations, each group's bootstrap
# and MICOM, sharded), merged by the same merge.sbatch and compared with a single `plssem mga`.
# Every daemon it started is stopped by its process id when it ends, also on failure.
#
#   scripts/slurm-demo.sh [options]
#     --analysis A      bootstrap (default) or mga
#     --bootstrap B     resamples (default 100000; with --analysis mga 1000 per group)
#     --permutations P  with --analysis mga: label permutations (default 1000)
#     --shards N        array tasks, one shard each (default 4)
#     --threads T       plssem threads per task = --cpus-per-task (default 1)
#     --seed S          seed (default 7)
#     --plssem PATH     the plssem executable (default: the release build, built if needed)
#     --fail-task K     make array task K fail (its shard file's path is taken by a folder),
#                       then show that the merge never runs and refuses without shard K, rerun
#                       task K alone and merge
#     --keep            keep the temporary folder (configuration, logs, shards)
#     --timeout SECONDS limit for the cluster to come up and for each wait on jobs (default 1800)
#
# Installs Debian's slurm-wlm and munge when missing (scripts/install-system-packages.sh
# --with slurm). Exit status: 0 success; 1 a failure (named on standard error); 64 a bad
# option; 77 Slurm is missing and cannot be installed here (not root, no sudo, no apt-get).
set -euo pipefail

repository="$(cd "$(dirname "$0")/.." && pwd)"
analysis=bootstrap
resamples=""
permutations=1000
shards=4
threads=1
seed=7
plssem=""
fail_task=0
keep=0
timeout=1800

usage() {
  echo "error: $1" >&2
  echo "usage: $0 [--analysis bootstrap|mga] [--bootstrap B] [--permutations P] [--shards N] [--threads T] [--seed S] [--plssem PATH]" \
    "[--fail-task K] [--keep] [--timeout SECONDS] [--help]" >&2
  exit 64
}
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || usage "$1 takes a positive whole number (got '$2')"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) # the comment at the top of this file
      sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    --keep)
      keep=1
      shift
      continue
      ;;
    --analysis | --bootstrap | --permutations | --shards | --threads | --seed | --plssem | --fail-task | --timeout)
      [ $# -ge 2 ] || usage "$1 needs a value"
      ;;
    *) usage "unknown option '$1'" ;;
  esac
  case "$1" in
    --analysis)
      case "$2" in
        bootstrap | mga) analysis=$2 ;;
        *) usage "--analysis takes bootstrap or mga (got '$2')" ;;
      esac
      ;;
    --bootstrap) positive "$1" "$2" && resamples=$2 ;;
    --permutations) positive "$1" "$2" && permutations=$2 ;;
    --shards) positive "$1" "$2" && shards=$2 ;;
    --threads) positive "$1" "$2" && threads=$2 ;;
    --seed) [[ "$2" =~ ^[0-9]+$ ]] || usage "--seed takes a whole number (got '$2')"; seed=$2 ;;
    --plssem) plssem=$2 ;;
    --fail-task) positive "$1" "$2" && fail_task=$2 ;;
    --timeout) positive "$1" "$2" && timeout=$2 ;;
  esac
  shift 2
done
[ -n "$resamples" ] || { [ "$analysis" = mga ] && resamples=1000 || resamples=100000; }
[ "$resamples" -ge "$shards" ] || usage "--bootstrap ($resamples) must be at least --shards ($shards)"
[ "$fail_task" -le "$shards" ] || usage "--fail-task $fail_task is not a task of 1-$shards"
cpus=$(nproc)
[ "$threads" -le "$cpus" ] || usage "--threads $threads is more than this node's $cpus CPUs"

say() { echo "slurm-demo: $*"; }
fail() {
  echo "slurm-demo: error: $*" >&2
  exit 1
}
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
started=$(now)

# --- Slurm and munge, installed when missing ------------------------------------------------
export PATH="$PATH:/usr/sbin:/sbin"
missing_tool() {
  local tool
  for tool in munged mungekey slurmctld slurmd sbatch scontrol squeue sinfo scancel; do
    command -v "$tool" >/dev/null 2>&1 || return 0
  done
  return 1
}
if missing_tool; then
  say "installing slurm-wlm and munge"
  status=0
  bash "$repository/scripts/install-system-packages.sh" --with slurm || status=$?
  [ "$status" -eq 0 ] || {
    echo "slurm-demo: cannot install Slurm here (install-system-packages.sh exited $status)" >&2
    [ "$status" -eq 77 ] && exit 77
    exit 1
  }
fi

# --- plssem ---------------------------------------------------------------------------------
if [ -z "$plssem" ]; then
  say "building plssem (release) if needed"
  swift build -c release --package-path "$repository" --product plssem >&2
  plssem="$(swift build -c release --package-path "$repository" --show-bin-path)/plssem"
fi
[ -x "$plssem" ] || fail "the plssem executable '$plssem' does not exist or cannot be run"
plssem="$(cd "$(dirname "$plssem")" && pwd)/$(basename "$plssem")"

# --- the folder of this run: configuration, daemons' files, jobs ----------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/plssem-slurm.XXXXXX")"
chmod 755 "$work" # munged wants its socket's folders searchable by everyone, its key's private
mkdir -m 700 "$work/munge-key"
mkdir -m 755 "$work/munge"
mkdir "$work/state" "$work/spool" "$work/log" "$work/run" "$work/bin" "$work/jobs"
ln -s "$plssem" "$work/bin/plssem"
export PATH="$work/bin:$PATH" # the jobs inherit it: `plssem` in the .sbatch files is ours

munged_pid="" slurmctld_pid="" slurmd_pid=""
jobs_submitted=()
array="" merge="" refused="" rerun="" # job ids, set by submit
outcome=1

stop_daemons() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  local teardown
  teardown=$(now)
  if [ -n "$slurmctld_pid" ] && [ ${#jobs_submitted[@]} -gt 0 ]; then
    scancel "${jobs_submitted[@]}" 2>/dev/null
    # Finished steps linger a moment: wait until the queue is empty before stopping slurmd.
    for _ in $(seq 1 100); do
      [ -z "$(squeue -h 2>/dev/null)" ] && break
      sleep 0.1
    done
  fi
  local pid
  for pid in $slurmd_pid $slurmctld_pid $munged_pid; do kill -TERM "$pid" 2>/dev/null; done
  for pid in $slurmd_pid $slurmctld_pid $munged_pid; do
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "slurm-demo: process $pid did not stop on TERM within 5 s: killing it" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
  done
  [ -n "$munged_pid$slurmctld_pid$slurmd_pid" ] &&
    say "stopped munged ($munged_pid), slurmctld ($slurmctld_pid), slurmd ($slurmd_pid) in $(seconds_since "$teardown") s"
  if [ "$status" -ne 0 ] || [ "$outcome" -ne 0 ]; then
    for log in "$work"/log/*; do
      [ -s "$log" ] || continue
      echo "--- last lines of $log" >&2
      tail -n 15 "$log" >&2
    done
  fi
  if [ "$keep" -eq 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  [ "$status" -eq 0 ] && [ "$outcome" -ne 0 ] && status=1
  exit "$status"
}
trap stop_daemons EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Two free TCP ports for slurmctld and slurmd (another Slurm, or another demo, may hold 6817/6818).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! port_in_use "$port" && [ "$port" != "${1:-}" ]; then
      echo "$port"
      return
    fi
  done
  fail "found no free TCP port on 127.0.0.1"
}
controller_port=$(free_port)
node_port=$(free_port "$controller_port")
node=$(hostname -s)

# --- munged -----------------------------------------------------------------------------------
cluster_started=$(now)
mungekey --create --keyfile="$work/munge-key/munge.key"
chmod 400 "$work/munge-key/munge.key"
munged -F --key-file="$work/munge-key/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge-key/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/munge-key/seed" >"$work/log/munged.out" 2>&1 &
munged_pid=$!

# --- slurm.conf -------------------------------------------------------------------------------
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<EOF
# A single-node cluster for scripts/slurm-demo.sh: loopback only, no cgroups, no accounting.
ClusterName=plssem-demo
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$controller_port
SlurmdPort=$node_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerParameters=batch_sched_delay=0
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=demo Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

alive() { kill -0 "$2" 2>/dev/null || fail "$1 (process $2) ended; see its log below"; }
wait_until() { # wait_until DESCRIPTION COMMAND...: poll every 0.1 s, the daemons must stay up
  local what=$1 since
  shift
  since=$(now)
  until "$@"; do
    alive munged "$munged_pid"
    [ -z "$slurmctld_pid" ] || alive slurmctld "$slurmctld_pid"
    [ -z "$slurmd_pid" ] || alive slurmd "$slurmd_pid"
    awk -v a="$since" -v b="$(now)" -v t="$timeout" 'BEGIN { exit !(b - a > t) }' &&
      fail "$what: not reached after $timeout s"
    sleep 0.1
  done
}
wait_until "munged's socket" test -S "$work/munge/socket"

# --- slurmctld and slurmd (foreground flags, background children: $! is the daemon) ---------
slurmctld -D -c >"$work/log/slurmctld.out" 2>&1 &
slurmctld_pid=$!
controller_up() { scontrol ping 2>/dev/null | grep -q "is UP"; }
wait_until "slurmctld answering" controller_up
slurmd -D -N "$node" >"$work/log/slurmd.out" 2>&1 &
slurmd_pid=$!
node_state() { sinfo -h -n "$node" -o %T 2>/dev/null; }
node_idle() {
  local state
  state=$(node_state)
  case "$state" in
    idle) return 0 ;;
    down* | drain*) scontrol update nodename="$node" state=resume 2>/dev/null ;;
  esac
  return 1
}
wait_until "node $node idle" node_idle
say "cluster up in $(seconds_since "$cluster_started") s: munged $munged_pid, slurmctld $slurmctld_pid," \
  "slurmd $slurmd_pid (ports $controller_port, $node_port; node $node, $cpus CPUs)"

# --- jobs -------------------------------------------------------------------------------------
if [ "$analysis" = mga ]; then
  data="$repository/examples/corporate-reputation/corp_rep.csv"
  model="$repository/examples/corporate-reputation/extended.model"
  array_script="$repository/scripts/slurm/mga-array.sbatch"
  mga_options=(--missing-code -99 --micom)
else
  data="$repository/examples/ecsi-mobi/mobi.csv"
  model="$repository/examples/ecsi-mobi/mobi.model"
  array_script="$repository/scripts/slurm/bootstrap-array.sbatch"
fi
merge_script="$repository/scripts/slurm/merge.sbatch"
cd "$work/jobs"

field() { # field JOB NAME: the first NAME=value of `scontrol show job -o JOB`
  scontrol show job -o "$1" 2>/dev/null | head -n 1 | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1
}
job_ended() {
  case "$(field "$1" JobState)" in
    COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED) return 0 ;;
  esac
  [ "$(field "$1" Reason)" = DependencyNeverSatisfied ]
}
submit() { # submit VARIABLE SBATCH-ARGUMENTS...: sets VARIABLE to the job id
  local variable=$1 id
  shift
  id=$(sbatch --parsable "$@") || fail "sbatch $* was refused"
  id=${id%%;*}
  jobs_submitted+=("$id")
  printf -v "$variable" '%s' "$id"
}
# Array tasks that did not complete, as "task state exit-code" lines.
failed_tasks() {
  scontrol show job -o "$1" 2>/dev/null | while read -r line; do
    local task state code
    task=$(tr ' ' '\n' <<<"$line" | sed -n 's/^ArrayTaskId=//p')
    state=$(tr ' ' '\n' <<<"$line" | sed -n 's/^JobState=//p')
    code=$(tr ' ' '\n' <<<"$line" | sed -n 's/^ExitCode=//p')
    [ "$state" = COMPLETED ] || echo "$task $state $code"
  done
}

if [ "$analysis" = mga ]; then
  array_arguments=("$array_script" "$data" "$model" servicetype "$permutations" "$resamples"
    "$seed" "$shards" "${mga_options[@]}")
  counts="$permutations permutations and $resamples resamples per group of servicetype, MICOM"
else
  array_arguments=("$array_script" "$data" "$model" "$resamples" "$seed" "$shards")
  counts="$resamples resamples"
fi
if [ "$fail_task" -gt 0 ]; then
  mkdir "shard-$fail_task.json" # task $fail_task cannot write its shard file there: it fails
  say "task $fail_task is made to fail: its output path shard-$fail_task.json is a folder"
fi
jobs_started=$(now)
submit array --array=1-"$shards" --cpus-per-task="$threads" "${array_arguments[@]}"
submit merge --dependency=afterok:"$array" "$merge_script"
say "submitted $analysis array job $array (tasks 1-$shards, $counts, seed $seed," \
  "$threads thread(s) each) and merge job $merge (afterok:$array)"
wait_until "array job $array and merge job $merge finished" job_ended "$merge"

merge_state=$(field "$merge" JobState)
merge_reason=$(field "$merge" Reason)
if [ "$merge_reason" = DependencyNeverSatisfied ]; then
  wait_until "array job $array finished" test -z "$(squeue -h -j "$array" 2>/dev/null)"
  failed=$(failed_tasks "$array")
  [ -n "$failed" ] || fail "merge job $merge: DependencyNeverSatisfied, yet every task of $array completed"
  scancel "$merge"
  while read -r task state code; do
    echo "slurm-demo: shard $task/$shards failed (array task ${array}_$task: $state, exit code $code);" \
      "merge job $merge never ran (DependencyNeverSatisfied) and is cancelled" >&2
    [ -s "shard-$task.log" ] && sed 's/^/slurm-demo:   shard-'"$task"'.log: /' "shard-$task.log" >&2
  done <<<"$failed"
  [ "$fail_task" -gt 0 ] || fail "shard(s) failed: $(cut -d ' ' -f 1 <<<"$failed" | tr '\n' ' ')"
  [ "$(cut -d ' ' -f 1 <<<"$failed")" = "$fail_task" ] ||
    fail "expected only task $fail_task to fail, but these did: $(cut -d ' ' -f 1 <<<"$failed" | tr '\n' ' ')"

  # The merge without the failed shard refuses and names it.
  rmdir "shard-$fail_task.json"
  submit refused "$merge_script"
  wait_until "merge job $refused finished" job_ended "$refused"
  [ "$(field "$refused" JobState)" = FAILED ] ||
    fail "the merge without shard $fail_task did not fail (state $(field "$refused" JobState))"
  grep -q "shard $fail_task/$shards is missing" "merge-$refused.log" ||
    fail "the merge without shard $fail_task did not name it: $(cat "merge-$refused.log")"
  say "merge job $refused without shard $fail_task refused: $(cat "merge-$refused.log")"

  # Rerun only the failed task, then merge.
  submit rerun --array="$fail_task" --cpus-per-task="$threads" "${array_arguments[@]}"
  submit merge --dependency=afterok:"$rerun" "$merge_script"
  say "resubmitted task $fail_task alone as array job $rerun and merge job $merge (afterok:$rerun)"
  wait_until "array job $rerun and merge job $merge finished" job_ended "$merge"
  merge_state=$(field "$merge" JobState)
fi
[ "$merge_state" = COMPLETED ] ||
  fail "merge job $merge ended $merge_state: $(cat merge-"$merge".log 2>/dev/null)"
wait_until "an empty queue" test -z "$(squeue -h 2>/dev/null)"
say "jobs done in $(seconds_since "$jobs_started") s (submission to merged result)"

# --- the single run with the same seed, and the comparison ------------------------------------
single_started=$(now)
if [ "$analysis" = mga ]; then
  plssem mga --data "$data" --model "$model" --groups servicetype --permutations "$permutations" \
    --bootstrap "$resamples" --seed "$seed" "${mga_options[@]}" --format json --output single.json
else
  plssem bootstrap --data "$data" --model "$model" --bootstrap "$resamples" --seed "$seed" \
    --format json --output single.json
fi
say "single $analysis run ($counts, all cores) in $(seconds_since "$single_started") s"
merged_sum=$(sha256sum result.json | cut -d ' ' -f 1)
single_sum=$(sha256sum single.json | cut -d ' ' -f 1)
say "sha256 merged $merged_sum"
say "sha256 single $single_sum"
cmp -s result.json single.json || fail "the merged result differs from the single run"
say "identical: the merge of $shards shards equals the single run byte for byte"
outcome=0
say "total $(seconds_since "$started") s"
