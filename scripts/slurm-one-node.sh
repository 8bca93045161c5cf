#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, to try the README's job array (and for CI).
#
#   sudo scripts/slurm-one-node.sh [start]   install slurm-wlm and munge if missing, write
#                                            /etc/slurm/slurm.conf, start munged, slurmctld and
#                                            slurmd, wait until the node is idle
#   sudo scripts/slurm-one-node.sh stop      stop the three daemons (packages and config stay)
#   scripts/slurm-one-node.sh status         sinfo, or why not
#
# For a Debian (or Ubuntu) machine without systemd or cgroup control, such as a container: the
# daemons are started directly, slurmctld and slurmd as root, munged as its own user; process
# tracking is by /proc (proctrack/linuxproc), no task confinement (task/none), no accounting.
# `start` can be run again: it starts only what is not running, and restarts slurmctld and slurmd
# when the configuration it writes has changed. Not for a machine that already has a Slurm
# configuration of its own: /etc/slurm/slurm.conf is overwritten (the old one is kept as
# slurm.conf.orig the first time).
set -euo pipefail

mode="${1:-start}"
conf=/etc/slurm/slurm.conf
log_dir=/var/log/slurm
ctld_pid=/run/slurmctld.pid
slurmd_pid=/run/slurmd.pid
munge_pid=/run/munge/munged.pid
ready_timeout="${SLURM_ONE_NODE_TIMEOUT:-90}"

say() { echo "slurm-one-node: $*" >&2; }
die() { say "$*"; exit 1; }

alive() { # pidfile
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

stop_pidfile() { # pidfile name
  local pidfile=$1 name=$2 pid i
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name (pid $pid) did not stop on SIGTERM; sending SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  say "stopped $name"
}

node_state() {
  sinfo -h -N -n "$node" -o '%T' 2>/dev/null | head -n 1
}

install_packages() {
  local missing=() cmd
  for cmd in munged slurmctld slurmd sbatch; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing slurm-wlm and munge (missing: ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

start_munge() {
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
  install -d -o munge -g munge -m 0700 /etc/munge
  if [ ! -s /etc/munge/munge.key ]; then
    say "creating /etc/munge/munge.key"
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile=/etc/munge/munge.key
    else
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
    fi
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
  if alive "$munge_pid" && munge -n </dev/null | unmunge >/dev/null 2>&1; then
    return 0
  fi
  rm -f "$munge_pid" /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock
  say "starting munged"
  runuser -u munge -- /usr/sbin/munged --force
  local i
  for i in $(seq 1 50); do
    munge -n </dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "munged does not answer (see /var/log/munge/munged.log)"
}

write_conf() { # prints "changed" when the file changed
  local hw cpus boards sockets cores threads mem new
  # This machine as slurmd sees it: "NodeName=vm CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2
  # ThreadsPerCore=1 RealMemory=24105"
  hw=$(slurmd -C | head -n 1)
  cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$hw")
  boards=$(sed -n 's/.* Boards=\([0-9]*\).*/\1/p' <<<"$hw")
  sockets=$(sed -n 's/.* SocketsPerBoard=\([0-9]*\).*/\1/p' <<<"$hw")
  cores=$(sed -n 's/.* CoresPerSocket=\([0-9]*\).*/\1/p' <<<"$hw")
  threads=$(sed -n 's/.* ThreadsPerCore=\([0-9]*\).*/\1/p' <<<"$hw")
  mem=$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$hw")
  [ -n "$cpus" ] && [ -n "$mem" ] || die "cannot read this machine's CPUs and memory from 'slurmd -C': $hw"
  new=$(mktemp)
  cat >"$new" <<EOF
# Written by carbonsim's scripts/slurm-one-node.sh: one node, this machine, no systemd or cgroups.
ClusterName=onenode
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$log_dir/jobcomp.log
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
DependencyParameters=kill_invalid_depend
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$ctld_pid
SlurmdPidFile=$slurmd_pid
SlurmctldLogFile=$log_dir/slurmctld.log
SlurmdLogFile=$log_dir/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=60
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus Boards=$boards SocketsPerBoard=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem State=UNKNOWN
PartitionName=onenode Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  if [ -f "$conf" ] && cmp -s "$new" "$conf"; then
    rm -f "$new"
    return 0
  fi
  if [ -f "$conf" ] && [ ! -f "$conf.orig" ] && ! grep -q "scripts/slurm-one-node.sh" "$conf"; then
    cp -p "$conf" "$conf.orig"
  fi
  install -m 0644 "$new" "$conf"
  rm -f "$new"
  say "wrote $conf ($cpus CPUs, $mem MB)"
  echo changed
}

start() {
  [ "$(id -u)" -eq 0 ] || die "run as root"
  install_packages
  node=$(hostname -s)
  install -d -m 0755 /etc/slurm "$log_dir" /var/spool/slurmctld /var/spool/slurmd
  start_munge
  if [ "$(write_conf)" = changed ] && { alive "$ctld_pid" || alive "$slurmd_pid"; }; then
    say "configuration changed: restarting slurmctld and slurmd"
    stop_pidfile "$slurmd_pid" slurmd
    stop_pidfile "$ctld_pid" slurmctld
  fi
  if ! alive "$ctld_pid"; then
    say "starting slurmctld"
    slurmctld
  fi
  if ! alive "$slurmd_pid"; then
    say "starting slurmd"
    slurmd
  fi
  local waited=0 state resumed=no
  while :; do
    state=$(node_state || true)
    case "$state" in
      idle|mixed|allocated|completing) break ;;
      down*|drain*|drained*|fail*)
        # left down by an earlier stop or a reboot; the node is here, so bring it back
        if [ "$resumed" = no ]; then
          scontrol update NodeName="$node" State=RESUME 2>/dev/null || true
          resumed=yes
        fi ;;
    esac
    if [ "$waited" -ge "$ready_timeout" ]; then
      sinfo -N -l >&2 || true
      tail -n 20 "$log_dir/slurmctld.log" "$log_dir/slurmd.log" >&2 || true
      die "node $node not ready after ${ready_timeout}s (state: ${state:-unknown})"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "node $node is $state"
  sinfo
}

stop() {
  [ "$(id -u)" -eq 0 ] || die "run as root"
  stop_pidfile "$slurmd_pid" slurmd
  stop_pidfile "$ctld_pid" slurmctld
  stop_pidfile "$munge_pid" munged
}

case "$mode" in
  start) start ;;
  stop) stop ;;
  status) sinfo ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac
