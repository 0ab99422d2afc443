/*
 * Named syscall groups, in the style of systemd's SystemCallFilter= sets.
 * Members are names, so a group means the same on every ABI: a name an ABI
 * lacks (mmap2 on x86_64) is simply absent there.  docs/policy.md lists
 * them; a unit test checks that every member is a syscall some ABI has.
 */
#include "policy.h"

#include <string.h>

#define MEMBERS(id, ...) static const char *const id[] = {__VA_ARGS__, NULL}

MEMBERS(g_default, "arch_prctl", "brk", "clock_getres", "clock_getres_time64", "clock_gettime",
	"clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64", "exit", "exit_group",
	"futex", "futex_time64", "get_robust_list", "get_thread_area", "getegid", "getegid32",
	"geteuid", "geteuid32", "getgid", "getgid32", "getgroups", "getgroups32", "getpgid",
	"getpgrp", "getpid", "getppid", "getrandom", "getresgid", "getresgid32", "getresuid",
	"getresuid32", "getrlimit", "getsid", "gettid", "gettimeofday", "getuid", "getuid32",
	"membarrier", "mmap", "mmap2", "munmap", "nanosleep", "pause", "prlimit64",
	"restart_syscall", "rseq", "rt_sigreturn", "sched_getaffinity", "sched_yield",
	"set_robust_list", "set_thread_area", "set_tid_address", "sigreturn", "time", "ugetrlimit");
MEMBERS(g_basic_io, "_llseek", "close", "close_range", "dup", "dup2", "dup3", "lseek", "pread64",
	"preadv", "preadv2", "pwrite64", "pwritev", "pwritev2", "read", "readv", "write", "writev");
MEMBERS(g_file_system, "access", "chdir", "chmod", "close", "creat", "faccessat", "faccessat2",
	"fallocate", "fchdir", "fchmod", "fchmodat", "fcntl", "fcntl64", "fgetxattr", "flistxattr",
	"fremovexattr", "fsetxattr", "fstat", "fstat64", "fstatat64", "fstatfs", "fstatfs64",
	"ftruncate", "ftruncate64", "futimesat", "getcwd", "getdents", "getdents64", "getxattr",
	"inotify_add_watch", "inotify_init", "inotify_init1", "inotify_rm_watch", "lgetxattr",
	"link", "linkat", "listxattr", "llistxattr", "lremovexattr", "lsetxattr", "lstat",
	"lstat64", "mkdir", "mkdirat", "mknod", "mknodat", "newfstatat", "oldfstat", "oldlstat",
	"oldstat", "open", "openat", "openat2", "readlink", "readlinkat", "removexattr", "rename",
	"renameat", "renameat2", "rmdir", "setxattr", "stat", "stat64", "statfs", "statfs64",
	"statx", "symlink", "symlinkat", "truncate", "truncate64", "umask", "unlink", "unlinkat",
	"utime", "utimensat", "utimensat_time64", "utimes");
MEMBERS(g_io_event, "_newselect", "epoll_create", "epoll_create1", "epoll_ctl", "epoll_pwait",
	"epoll_pwait2", "epoll_wait", "eventfd", "eventfd2", "poll", "ppoll", "ppoll_time64",
	"pselect6", "pselect6_time64", "select");
MEMBERS(g_ipc, "ipc", "memfd_create", "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive",
	"mq_timedreceive_time64", "mq_timedsend", "mq_timedsend_time64", "mq_unlink", "msgctl",
	"msgget", "msgrcv", "msgsnd", "pipe", "pipe2", "semctl", "semget", "semop", "semtimedop",
	"semtimedop_time64", "shmat", "shmctl", "shmdt", "shmget");
MEMBERS(g_memory, "brk", "get_mempolicy", "madvise", "mbind", "membarrier", "mincore", "mlock",
	"mlock2", "mlockall", "mmap", "mmap2", "mprotect", "mremap", "msync", "munlock",
	"munlockall", "munmap", "pkey_alloc", "pkey_free", "pkey_mprotect", "remap_file_pages",
	"set_mempolicy");
MEMBERS(g_network_io, "accept", "accept4", "bind", "connect", "getpeername", "getsockname",
	"getsockopt", "listen", "recvfrom", "recvmmsg", "recvmmsg_time64", "recvmsg", "sendmmsg",
	"sendmsg", "sendto", "setsockopt", "shutdown", "socket", "socketcall", "socketpair");
MEMBERS(g_process, "arch_prctl", "capget", "clone", "clone3", "execve", "execveat", "exit",
	"exit_group", "fork", "getpgid", "getpgrp", "getpid", "getppid", "getpriority", "getrusage",
	"getsid", "gettid", "kcmp", "pidfd_open", "pidfd_send_signal", "prctl", "prlimit64",
	"sched_getaffinity", "sched_getparam", "sched_getscheduler", "sched_setaffinity",
	"sched_setparam", "sched_setscheduler", "sched_yield", "setpgid", "setpriority",
	"setrlimit", "setsid", "set_tid_address", "times", "unshare", "vfork", "wait4", "waitid",
	"waitpid");
MEMBERS(g_signal, "kill", "pause", "rt_sigaction", "rt_sigpending", "rt_sigprocmask",
	"rt_sigqueueinfo", "rt_sigreturn", "rt_sigsuspend", "rt_sigtimedwait",
	"rt_sigtimedwait_time64", "rt_tgsigqueueinfo", "sigaction", "sigaltstack", "signal",
	"signalfd", "signalfd4", "sigpending", "sigprocmask", "sigreturn", "sigsuspend", "tgkill",
	"tkill");
MEMBERS(g_clock, "adjtimex", "clock_adjtime", "clock_adjtime64", "clock_settime", "clock_settime64",
	"settimeofday", "stime");
MEMBERS(g_timer, "alarm", "getitimer", "setitimer", "timer_create", "timer_delete",
	"timer_getoverrun", "timer_gettime", "timer_gettime64", "timer_settime", "timer_settime64",
	"timerfd_create", "timerfd_gettime", "timerfd_gettime64", "timerfd_settime",
	"timerfd_settime64");
MEMBERS(g_credentials, "capget", "getegid", "getegid32", "geteuid", "geteuid32", "getgid",
	"getgid32", "getgroups", "getgroups32", "getresgid", "getresgid32", "getresuid",
	"getresuid32", "getuid", "getuid32");
MEMBERS(g_setuid, "capset", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32", "setgid",
	"setgid32", "setgroups", "setgroups32", "setregid", "setregid32", "setresgid",
	"setresgid32", "setresuid", "setresuid32", "setreuid", "setreuid32", "setuid", "setuid32");
MEMBERS(g_chown, "chown", "chown32", "fchown", "fchown32", "fchownat", "lchown", "lchown32");
MEMBERS(g_sync, "fdatasync", "fsync", "msync", "sync", "sync_file_range", "syncfs");
MEMBERS(g_aio, "io_cancel", "io_destroy", "io_getevents", "io_pgetevents", "io_pgetevents_time64",
	"io_setup", "io_submit", "io_uring_enter", "io_uring_register", "io_uring_setup");
MEMBERS(g_debug, "kcmp", "lookup_dcookie", "perf_event_open", "pidfd_getfd", "process_vm_readv",
	"process_vm_writev", "ptrace");
MEMBERS(g_mount, "chroot", "fsconfig", "fsmount", "fsopen", "fspick", "mount", "mount_setattr",
	"move_mount", "open_tree", "pivot_root", "umount", "umount2");
MEMBERS(g_module, "delete_module", "finit_module", "init_module");
MEMBERS(g_reboot, "kexec_file_load", "kexec_load", "reboot");
MEMBERS(g_swap, "swapoff", "swapon");
MEMBERS(g_keyring, "add_key", "keyctl", "request_key");

static const struct policy_group groups[] = {
	{"@default", "what nearly every program needs: exits, ids, time, futexes", g_default},
	{"@basic-io", "reading, writing and closing descriptors", g_basic_io},
	{"@file-system", "files, directories, metadata", g_file_system},
	{"@io-event", "poll, select, epoll, eventfd", g_io_event},
	{"@ipc", "pipes, SysV IPC, POSIX message queues, memfd", g_ipc},
	{"@memory", "mapping and managing memory", g_memory},
	{"@network-io", "sockets", g_network_io},
	{"@process", "creating, running and waiting for processes", g_process},
	{"@signal", "signal handlers, masks and sending signals", g_signal},
	{"@clock", "setting the system clock", g_clock},
	{"@timer", "alarms, interval timers, timerfd", g_timer},
	{"@credentials", "reading user, group ids and capabilities", g_credentials},
	{"@setuid", "changing user, group ids and capabilities", g_setuid},
	{"@chown", "changing file ownership", g_chown},
	{"@sync", "flushing data to storage", g_sync},
	{"@aio", "asynchronous I/O and io_uring", g_aio},
	{"@debug", "tracing and inspecting other processes", g_debug},
	{"@mount", "mounting file systems", g_mount},
	{"@module", "loading kernel modules", g_module},
	{"@reboot", "rebooting, kexec", g_reboot},
	{"@swap", "swap devices", g_swap},
	{"@keyring", "the kernel keyring", g_keyring},
	{NULL, NULL, NULL},
};

const struct policy_group *policy_groups(void)
{
	return groups;
}

const struct policy_group *policy_group_find(const char *name)
{
	for (const struct policy_group *g = groups; g->name; g++)
		if (!strcmp(g->name, name))
			return g;
	return NULL;
}
