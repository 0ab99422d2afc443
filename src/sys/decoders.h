/* Syscall-specific decoders referenced from syscalls.def, and their helpers. */
#ifndef PTRC_SYS_DECODERS_H
#define PTRC_SYS_DECODERS_H

#include <stddef.h>

#include "decode.h"
#include "sysent.h"

/* Helpers (dec_util.c). */

/* True at an exit stop of a call that succeeded: outputs are valid. */
bool dec_ok(const struct sc_event *ev);
/*
 * Reads len bytes at addr into buf.  On NULL or an unreadable address,
 * sets v to that address and returns false, so callers print what strace does.
 */
bool dec_fetch(struct dctx *d, struct val *v, uint64_t addr, void *buf, size_t len);
/*
 * An array of the tracee's, read element by element as strace prints one: an
 * element that cannot be read ends it with "... / * its address * /" (the
 * first element: the array is its address alone), and -s elements (any
 * number with -v, as strace's) or DEC_MAX_BYTES end it with "...".  Decoders
 * print only what they read: nothing past that element.
 */
struct dec_array {
	struct val *v;
	uint32_t cap; /* slots in v->items */
};
void dec_array_start(struct dctx *d, struct dec_array *a, struct val *v);
/* A slot for an element that was read; NULL once -s are shown or the call's DEC_MAX_BYTES
 * are spent (the array then ends with "...").  The slot is valid until the next call. */
struct val *dec_array_add(struct dctx *d, struct dec_array *a);
/* Element i of the array, at addr, could not be read: the array ends there. */
void dec_array_unread(struct dctx *d, struct dec_array *a, uint64_t i, uint64_t addr);
/* An unsigned field of size bytes (1, 2, 4, or up to 8) of a buffer read from the tracee, in the
 * host's byte order, which is the tracee's. */
uint64_t dec_uint_at(const void *p, unsigned size);
/* An IPv4 address as strace writes it, inet_addr("127.0.0.1"); its bytes under -X raw. */
void dec_inet_addr(struct val *v, struct arena *a, const void *bytes);
/* An IPv6 address that fills the struct field sym names, with no name= of its own:
 * inet_pton(AF_INET6, "::1", &sin6_addr); under -X raw sym="\x00...\x01". */
void dec_inet6_field(struct val *v, struct arena *a, const void *bytes, const char *sym);
/* Reads n (at most 32) consecutive words at addr, all or none: 0, or -errno (w untouched). */
int dec_read_words(struct dctx *d, uint64_t addr, uint64_t *w, unsigned n);
/* An in/out socklen_t, read at entry into in, whose exit value is out: [16] or [128 => 16]
 * (dec_net.c). */
void dec_socklen_exit(struct dctx *d, struct val *v, const struct val *in, int32_t out);
/* The address the kernel wrote at addr, len its length after the call and in the room given
 * (read at entry): at most that room is shown (dec_net.c). */
void dec_sockaddr_out(struct dctx *d, struct val *v, uint64_t addr, const struct val *in,
		      int32_t len);
/* A struct with room for cap fields, filled by st_add() in print order. */
void st_init(struct val *v, struct arena *a, uint32_t cap);
struct val *st_add(struct val *v, struct arena *a, const char *name);
/* A bare "name=value" argument (clone's child_stack=...). */
struct val *dec_named_arg(struct dctx *d, struct val *v, const char *name);
/* [N]: an int the kernel reads or writes through a pointer. */
void dec_int_ref(struct dctx *d, struct val *v, uint64_t addr);
/* [N] through a pointer: an unsigned int, a u64, an s64, an unsigned long (the ABI's). */
void dec_uint_ref(struct dctx *d, struct val *v, uint64_t addr);
void dec_u64_ref(struct dctx *d, struct val *v, uint64_t addr);
void dec_s64_ref(struct dctx *d, struct val *v, uint64_t addr);
void dec_ulong_ref(struct dctx *d, struct val *v, uint64_t addr);
/* A word-sized integer through a pointer, shown as a number ([123]), in hex ([0x7f...]), or as
 * a pointer ([NULL], [0x7f...]: ptrace's PEEK* words). */
enum word_shape { WORD_DEC, WORD_HEX, WORD_PTR };
void dec_word_ref(struct dctx *d, struct val *v, uint64_t addr, enum word_shape shape);
/* [0 1]: the CPUs set in a mask of len bytes, its address when unreadable (dec_res.c). */
void dec_cpuset(struct dctx *d, struct val *v, uint64_t addr, uint64_t len);
/* A signal set of size bytes; an address when size is implausible. */
void dec_sigset(struct dctx *d, struct val *v, uint64_t addr, uint64_t size);
void dec_sigmask_pair(struct dctx *d, struct val *v, uint64_t addr);
/* {tv_sec=N, tv_nsec=N} and {tv_sec=N, tv_usec=N}, fields of dec_time_size() bytes. */
unsigned dec_time_size(const struct dctx *d);
void dec_timespec(struct dctx *d, struct val *v, uint64_t addr);
void dec_timeval(struct dctx *d, struct val *v, uint64_t addr);
/* A timespec/timeval already read: {tv_sec=s, <sub>=n}. */
void val_time(struct val *v, struct arena *a, int64_t sec, uint64_t sub, const char *subname);
/* Clock ticks, with their value in seconds as a comment when not 0: 5 / * 0.05 s * /. */
void val_clock_t(struct val *v, struct arena *a, uint64_t ticks);
/* Adds that date to v as a comment (v already holds the value). */
void val_with_time(struct val *v, struct arena *a, int64_t sec, uint64_t nsec);
/* A struct sigevent, the address when it cannot be read (dec_mq.c). */
void dec_sigevent(struct dctx *d, struct val *v, uint64_t addr);
/* A struct sockaddr of len bytes (dec_net.c). */
void dec_sockaddr(struct dctx *d, struct val *v, uint64_t addr, uint64_t len);
/* An iovec array, with up to data_len bytes of contents shown (dec_io.c). */
void dec_iovec(struct dctx *d, struct val *v, uint64_t addr, uint64_t cnt, uint64_t data_len);
/* The same, each element's contents netlink messages of protocol nl_proto unless it is
 * DEC_NL_NONE. */
void dec_iovec_nl(struct dctx *d, struct val *v, uint64_t addr, uint64_t cnt, uint64_t data_len,
		  int nl_proto);
/* Netlink (netlink.c).  The protocol of the tracee's socket fd as the decoders use it:
 * DEC_NL_NONE for a socket whose data strace shows as a string. */
int dec_netlink_proto(struct dctx *d, int64_t fd);
/* The netlink messages in [addr, addr + len), of protocol proto (or DEC_NL_UNBOUND). */
void dec_netlink(struct dctx *d, struct val *v, int proto, uint64_t addr, uint64_t len);
/* Data sent or received on socket fd: netlink messages on a netlink socket, else a buffer
 * of len bytes; cap is the buffer's size (a received length may be more) or UINT64_MAX. */
void dec_sockbuf(struct dctx *d, struct val *v, int64_t fd, uint64_t addr, uint64_t len,
		 uint64_t cap);
/* A struct msghdr's msg_iov and msg_iovlen (dec_msg.c, where its layout is); 0 or -1. */
int msghdr_iov(const struct tmem *mem, unsigned ws, uint64_t addr, uint64_t *iov, uint64_t *cnt);
/* struct msghdr at addr, with up to data_len bytes of its iovec's contents (dec_msg.c):
 * sendmsg's, recvmsg's, and each of sendmmsg's and recvmmsg's (dec_mmsg.c). */
void dec_msghdr(struct dctx *d, const struct sc_event *ev, struct val *v, uint64_t addr,
		uint64_t data_len);
/* A msghdr's msg_control: the control messages in its len bytes (dec_cmsg.c). */
void dec_cmsgs(struct dctx *d, struct val *v, uint64_t addr, uint64_t len);
/* A socket option's value strace shows as a struct (dec_sockopt.c): true when v is set. */
bool dec_sockopt_struct(struct dctx *d, struct val *v, int level, int name, uint64_t addr,
			int64_t len, bool out);
/* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]: strace's wait status (dec_exec.c). */
void dec_wait_status(struct arena *a, struct val *v, int status);
/* {ru_utime=..., ru_stime=..., ...} (dec_exec.c). */
void dec_rusage(struct dctx *d, struct val *v, uint64_t addr);
/* st_mode: S_IFREG|0644 (dec_file.c). */
void dec_mode(struct val *v, struct arena *a, uint32_t mode);
void dec_open_flags(struct dctx *d, struct val *v, uint64_t flags);
/* makedev(0x1, 0x3) (dec_file.c). */
void dec_makedev(struct val *v, struct arena *a, uint64_t dev);
void dec_listxattr(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_utimensat(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_utimes(struct dctx *d, struct sc_event *ev, bool exiting);
/* The unabbreviated (-v) stat and statx structs (dec_statv.c). */
struct stat;
struct statx;
void dec_stat_verbose(struct dctx *d, struct val *v, const struct stat *st);
void dec_statx_verbose(struct dctx *d, struct val *v, const struct statx *stx);

/* Decoders, by family. */
void dec_open(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_openat(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_openat2(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_stat(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_fstat(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_newfstatat(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_statx(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_statfs(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_fstatfs(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_fcntl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getcwd(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_readlink(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getdents(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getdents64(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_llseek(struct dctx *d, struct sc_event *ev, bool exiting);

void dec_io_uring_setup(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_io_uring_register(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_readv(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_writev(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_pipe(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_ioctl(struct dctx *d, struct sc_event *ev, bool exiting);
/* The table that names ioctl request req, or NULL (dec_ioctl.c). */
const struct xlat *ioctl_req_table(uint32_t req);
/*
 * How one ioctl request's argument is decoded, by subject in dec_ioctl_*.c and
 * found by the request's number (on every ABI: requests whose number holds the
 * size of a long or of a struct with one have another number on i386, so no
 * entry there).
 */
struct ioctl_dec {
	uint32_t req;
	/* At entry: what the call reads; NULL for an argument only the kernel writes (its
	 * address, all a failed call shows). */
	void (*in)(struct dctx *d, struct val *v, uint64_t arg);
	/* At the exit of a call that succeeded: what the kernel wrote (v holds in's value),
	 * or NULL. */
	void (*out)(struct dctx *d, struct val *v, uint64_t arg);
};
extern const struct ioctl_dec ioctl_block_decs[]; /* dec_ioctl_block.c */
extern const unsigned ioctl_block_ndecs;
extern const struct ioctl_dec ioctl_storage_decs[]; /* dec_ioctl_storage.c */
extern const unsigned ioctl_storage_ndecs;
extern const struct ioctl_dec ioctl_fs_decs[]; /* dec_ioctl_fs.c */
extern const unsigned ioctl_fs_ndecs;
extern const struct ioctl_dec ioctl_chardev_decs[]; /* dec_ioctl_chardev.c */
extern const unsigned ioctl_chardev_ndecs;
/* The decoder of request req, or NULL. */
const struct ioctl_dec *ioctl_find_dec(uint32_t req);
void dec_sendfile(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_poll(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_ppoll(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_select(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_epoll_ctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_epoll_wait(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_epoll_pwait2(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getrandom(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_signalfd(struct dctx *d, struct sc_event *ev, bool exiting);

void dec_mmap(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mmap2(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mremap(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_get_mempolicy(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_move_pages(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_set_mempolicy(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mbind(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_migrate_pages(struct dctx *d, struct sc_event *ev, bool exiting);

void dec_clone(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_clone3(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_set_thread_area(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_get_thread_area(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_execve(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_wait4(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_waitid(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_prlimit64(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getrlimit(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_setrlimit(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getrusage(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_times(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_arch_prctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_prctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_restart_syscall(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sched_getaffinity(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sched_setaffinity(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_uname(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sysinfo(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getresuid(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getgroups(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_capget(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_capset(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_personality(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getcpu(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sched_getattr(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sched_setattr(struct dctx *d, struct sc_event *ev, bool exiting);
/* PTRACE_GET_SYSCALL_INFO's struct (dec_ptrace_info.c): size given, the call's result. */
void dec_ptrace_syscall_info(struct dctx *d, struct val *v, uint64_t addr, uint64_t size,
			     int64_t ret);
void dec_ptrace(struct dctx *d, struct sc_event *ev, bool exiting); /* dec_ptrace.c */
/* A register set of len bytes at addr (dec_ptrace_regs.c): its address when rs is NULL, len
 * is not whole words, or the memory is unreadable.  The tracee ABI's set of a kind. */
struct regset;
void dec_regset(struct dctx *d, struct val *v, uint64_t addr, uint64_t len,
		const struct regset *rs);
const struct regset *dec_regset_of(const struct dctx *d, unsigned kind);
/* PTRACE_PEEKUSER's offset: 8*RAX, offsetof(struct user, u_tsize)+8, or a number where the
 * ABI's struct user is not known or the offset is past it. */
void dec_user_offset(struct dctx *d, struct val *v, uint64_t off);
void dec_timex(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_setgroups(struct dctx *d, struct sc_event *ev, bool exiting);

void dec_rt_sigaction(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_rt_sigprocmask(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_rt_sigpending(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_rt_sigsuspend(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_rt_sigtimedwait(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_rt_sigqueueinfo(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_rt_sigreturn(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sigreturn(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sigaltstack(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sigaction_old(struct dctx *d, struct sc_event *ev, bool exiting);

void dec_nanosleep(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_clock_nanosleep(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_clock_gettime(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_clock_settime(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_gettimeofday(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_settimeofday(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_time(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_timer_settime(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_timer_gettime(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_setitimer(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getitimer(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_futex(struct dctx *d, struct sc_event *ev, bool exiting);

void dec_socket(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_socketpair(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_accept(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_recvfrom(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sendmsg(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_recvmsg(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sendmmsg(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_recvmmsg(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_setsockopt(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_getsockopt(struct dctx *d, struct sc_event *ev, bool exiting);

/* bpf(2) (dec_bpf.c, its union bpf_attr in dec_bpf_attr.c). */
void dec_bpf(struct dctx *d, struct sc_event *ev, bool exiting);
/* perf_event_open(2) (dec_perf.c). */
void dec_perf_event_open(struct dctx *d, struct sc_event *ev, bool exiting);

/* SysV IPC (dec_ipc.c). */
void dec_semget(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_msgget(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_shmget(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_semop(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_semtimedop(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_semctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_msgctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_shmctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_msgsnd(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_msgrcv(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_shmat(struct dctx *d, struct sc_event *ev, bool exiting);

/* Keys (dec_keys.c). */
void dec_keyctl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_add_key(struct dctx *d, struct sc_event *ev, bool exiting);
/* dec_quota.c */
void dec_quotactl(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_quotactl_fd(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_request_key(struct dctx *d, struct sc_event *ev, bool exiting);

/* The new mount API (dec_mount.c), Landlock, fanotify, POSIX message queues. */
void dec_fsconfig(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mount_setattr(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_landlock_create_ruleset(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_landlock_add_rule(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_fanotify_init(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mq_open(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mq_timedsend(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mq_timedreceive(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mq_notify(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_timer_create(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_mq_getsetattr(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_sched_getscheduler(struct dctx *d, struct sc_event *ev, bool exiting);

/* dec_aio.c */
void dec_io_setup(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_io_submit(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_io_getevents(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_io_cancel(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_io_pgetevents(struct dctx *d, struct sc_event *ev, bool exiting);
/* dec_futex2.c */
void dec_futex_waitv(struct dctx *d, struct sc_event *ev, bool exiting);

#endif
