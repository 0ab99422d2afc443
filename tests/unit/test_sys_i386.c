/*
 * i386 tracees: the decoders with d->abi = i386 against 32-bit memory images,
 * built here byte by byte at the offsets of the i386 ABI (not from ptrc's own
 * wire structs).  Expected lines are strace 6.1's for a gcc -m32 program.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/ipc.h>
#include <linux/net.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "../../arch/abi.h"
#include "out/fmt_text.h"
#include "sys/decode.h"
#include "sys/sysent.h"

#include "test_sys_harness.h"

static void setup_i386(void)
{
	setup();
	harness_abi = ABI_I386;
}

TestSuite(sys_i386, .init = setup_i386, .fini = teardown);

/* Little-endian stores at i386 offsets. */
static void put16(uint8_t *b, size_t off, uint16_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

static void put64(uint8_t *b, size_t off, uint64_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

Test(sys_i386, table_is_i386)
{
	cr_expect_eq(nr_of("getpid"), 20);
	cr_expect_eq(nr_of("openat"), 295);
	cr_expect_str_eq(RUN("getpid", 1234, 0), "getpid() = 1234");
}

Test(sys_i386, stat64_packed_layout)
{
	static uint8_t st[96];
	put64(st, 0, makedev(8, 1));
	put32(st, 16, 0100644);	      /* st_mode */
	put64(st, 44, 0x100000001LL); /* st_size: a 64-bit value at a 4-aligned offset */
	map(0x1000, "/etc/passwd", 12);
	map(0x2000, st, sizeof(st));
	cr_expect_str_eq(
		RUN("stat64", 0, 0x1000, 0x2000),
		"stat64(\"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=4294967297, ...}) = 0");
	put32(st, 16, 020666); /* a character device: st_rdev at 32 */
	put64(st, 32, makedev(1, 3));
	cr_expect_str_eq(RUN("fstat64", 0, 1, 0x2000),
			 "fstat64(1, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
}

Test(sys_i386, stat64_verbose_uses_the_64_bit_inode)
{
	static uint8_t st[96];
	put64(st, 0, makedev(0xfe, 0));
	put32(st, 12, 7); /* __st_ino, truncated */
	put32(st, 16, 0100600);
	put32(st, 20, 1);	       /* st_nlink */
	put32(st, 24, 1000);	       /* st_uid */
	put32(st, 28, 1000);	       /* st_gid */
	put64(st, 44, 3);	       /* st_size */
	put32(st, 52, 4096);	       /* st_blksize */
	put64(st, 56, 8);	       /* st_blocks */
	put64(st, 88, 0x200000007ULL); /* st_ino */
	map(0x2000, st, sizeof(st));
	opts.verbose = true;
	const char *line = RUN("fstat64", 0, 3, 0x2000);
	opts.verbose = false;
	cr_expect_str_eq(line, "fstat64(3, {st_dev=makedev(0xfe, 0), st_ino=8589934599, "
			       "st_mode=S_IFREG|0600, st_nlink=1, st_uid=1000, st_gid=1000, "
			       "st_blksize=4096, st_blocks=8, st_size=3, st_atime=0, "
			       "st_atime_nsec=0, st_mtime=0, st_mtime_nsec=0, st_ctime=0, "
			       "st_ctime_nsec=0}) = 0");
}

Test(sys_i386, old_stat_has_16_bit_mode)
{
	static uint8_t st[64];
	put16(st, 8, 040755); /* st_mode */
	put32(st, 20, 4096);  /* st_size */
	map(0x1000, "/tmp", 5);
	map(0x2000, st, sizeof(st));
	cr_expect_str_eq(RUN("lstat", 0, 0x1000, 0x2000),
			 "lstat(\"/tmp\", {st_mode=S_IFDIR|0755, st_size=4096, ...}) = 0");
}

Test(sys_i386, statfs64_is_84_packed_bytes)
{
	static uint8_t sf[84];
	put32(sf, 0, 0x01021994); /* TMPFS_MAGIC */
	put32(sf, 4, 4096);
	put64(sf, 8, 3083623);
	put64(sf, 16, 3083623);
	put64(sf, 24, 3083623);
	put64(sf, 32, 3083623);
	put64(sf, 40, 3083509);
	put32(sf, 48, 0xb6164229);
	put32(sf, 52, 0x1ae68808);
	put32(sf, 56, 255);
	put32(sf, 60, 4096);
	put32(sf, 64, 0x1000); /* ST_RELATIME */
	map(0x2000, sf, sizeof(sf));
	cr_expect_str_eq(RUN("fstatfs64", 0, 0, 84, 0x2000),
			 "fstatfs64(0, 84, {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=3083623, "
			 "f_bfree=3083623, f_bavail=3083623, f_files=3083623, f_ffree=3083509, "
			 "f_fsid={val=[0xb6164229, 0x1ae68808]}, f_namelen=255, f_frsize=4096, "
			 "f_flags=ST_RELATIME}) = 0");
}

Test(sys_i386, statfs_is_all_ints)
{
	static uint8_t sf[64];
	put32(sf, 0, 0xef53); /* EXT2_SUPER_MAGIC */
	put32(sf, 4, 4096);
	put32(sf, 8, 100);
	put32(sf, 28, 1);
	put32(sf, 32, 2);
	put32(sf, 36, 255);
	put32(sf, 40, 4096);
	map(0x1000, "/", 2);
	map(0x2000, sf, sizeof(sf));
	cr_expect_str_eq(RUN("statfs", 0, 0x1000, 0x2000),
			 "statfs(\"/\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=100, "
			 "f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x1, 0x2]}, "
			 "f_namelen=255, f_frsize=4096, f_flags=0}) = 0");
}

Test(sys_i386, fcntl64_getlk64_and_setlk)
{
	static uint8_t fl64[24], fl[16];
	put16(fl64, 0, 2); /* F_UNLCK */
	put16(fl64, 2, 0); /* SEEK_SET */
	put64(fl64, 4, 1);
	put64(fl64, 12, 2);
	put32(fl64, 20, 0);
	map(0x2000, fl64, sizeof(fl64));
	cr_expect_str_eq(RUN("fcntl64", 0, 3, 12, 0x2000),
			 "fcntl64(3, F_GETLK64, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=1, "
			 "l_len=2, l_pid=0}) = 0");
	put16(fl, 0, 0); /* F_RDLCK */
	put16(fl, 2, 1); /* SEEK_CUR */
	put32(fl, 4, (uint32_t)-5);
	put32(fl, 8, 10);
	map(0x3000, fl, sizeof(fl));
	cr_expect_str_eq(RUN("fcntl64", 0, 3, 6, 0x3000),
			 "fcntl64(3, F_SETLK, {l_type=F_RDLCK, l_whence=SEEK_CUR, l_start=-5, "
			 "l_len=10}) = 0");
}

Test(sys_i386, split_64_bit_arguments_are_joined)
{
	map(0x1000, "usr/s", 6);
	cr_expect_str_eq(RUN("pread64", 5, 3, 0x1000, 5, 100, 0),
			 "pread64(3, \"usr/s\", 5, 100) = 5");
	cr_expect_str_eq(RUN("pwrite64", 5, 3, 0x1000, 5, 0, 1),
			 "pwrite64(3, \"usr/s\", 5, 4294967296) = 5");
	cr_expect_str_eq(RUN("ftruncate64", -EINVAL, 3, 0, 0),
			 "ftruncate64(3, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("fadvise64_64", 0, 3, 10, 0, 20, 0, 2),
			 "fadvise64_64(3, 10, 20, POSIX_FADV_SEQUENTIAL) = 0");
	cr_expect_str_eq(RUN("fallocate", 0, 3, 0, 0, 1, 4096, 0),
			 "fallocate(3, 0, 4294967296, 4096) = 0");
	cr_expect_str_eq(RUN("truncate64", 0, 0x1000, 0xffffffff, 0x7fffffff),
			 "truncate64(\"usr/s\", 9223372036854775807) = 0");
}

Test(sys_i386, llseek_result_is_64_bit)
{
	static const int64_t res = 5;
	map(0x2000, &res, sizeof(res));
	cr_expect_str_eq(RUN("_llseek", 0, 3, 0, 5, 0x2000, 0), "_llseek(3, 5, [5], SEEK_SET) = 0");
}

Test(sys_i386, mmap2_offset_in_pages)
{
	cr_expect_str_eq(RUN("mmap2", 0xf7f00000, 0, 4096, 1, 2, 3, 1),
			 "mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x1000) = 0xf7f00000");
}

Test(sys_i386, socketcall_decodes_as_the_call)
{
	static uint32_t sock[3] = {2, 1, 0}; /* AF_INET, SOCK_STREAM, IPPROTO_IP */
	static uint8_t sin[16] = {2, 0, 0, 9, 127, 0, 0, 1};
	static uint32_t conn[3] = {4, 0x3000, 16};
	map(0x2000, sock, sizeof(sock));
	map(0x3000, sin, sizeof(sin));
	map(0x4000, conn, sizeof(conn));
	cr_expect_str_eq(RUN("socketcall", 4, SYS_SOCKET, 0x2000),
			 "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4");
	cr_expect_str_eq(RUN("socketcall", -ECONNREFUSED, SYS_CONNECT, 0x4000),
			 "connect(4, {sa_family=AF_INET, sin_port=htons(9), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED (Connection "
			 "refused)");
	/* Unreadable arguments: the multiplexer itself. */
	cr_expect_str_eq(RUN("socketcall", -EFAULT, SYS_SOCKET, 0x9000),
			 "socketcall(1, 0x9000) = -1 EFAULT (Bad address)");
}

Test(sys_i386, socketcall_outputs_at_exit)
{
	static uint32_t pair[4] = {1, 1, 0, 0x3000}; /* AF_UNIX, SOCK_STREAM, 0, sv */
	static int32_t sv[2] = {5, 6};
	map(0x2000, pair, sizeof(pair));
	map(0x3000, sv, sizeof(sv));
	cr_expect_str_eq(RUN("socketcall", 0, SYS_SOCKETPAIR, 0x2000),
			 "socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6]) = 0");
}

Test(sys_i386, ipc_decodes_as_the_call)
{
	cr_expect_str_eq(RUN("ipc", 7, SEMGET, 0, 1, 0600, 0, 0),
			 "semget(IPC_PRIVATE, 1, 0600) = 7");
	cr_expect_str_eq(RUN("ipc", 9, SHMGET, 0, 4096, 01600, 0, 0),
			 "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 9");
	cr_expect_str_eq(RUN("ipc", 0, SHMDT, 0, 0, 0, 0xf7f00000, 0), "shmdt(0xf7f00000) = 0");
}

Test(sys_i386, sysinfo_words)
{
	static uint32_t si[16];
	si[0] = 4135;
	si[1] = 302080;
	si[4] = 6171023;
	si[10] = 95; /* procs: a u16 in a word */
	si[13] = 4096;
	map(0x2000, si, sizeof(si));
	cr_expect_str_eq(RUN("sysinfo", 0, 0x2000),
			 "sysinfo({uptime=4135, loads=[302080, 0, 0], totalram=6171023, freeram=0, "
			 "sharedram=0, bufferram=0, totalswap=0, freeswap=0, procs=95, "
			 "totalhigh=0, freehigh=0, mem_unit=4096}) = 0");
}

Test(sys_i386, waitid_siginfo_32)
{
	static uint8_t si[128];
	put32(si, 0, 17);    /* SIGCHLD */
	put32(si, 8, 1);     /* CLD_EXITED */
	put32(si, 12, 4321); /* si_pid */
	put32(si, 16, 0);
	put32(si, 20, 3); /* si_status */
	put32(si, 24, 0); /* si_utime */
	map(0x2000, si, sizeof(si));
	cr_expect_str_eq(RUN("waitid", 0, 0, 4321, 0x2000, 4, 0),
			 "waitid(P_ALL, 4321, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4321, "
			 "si_uid=0, si_status=3, si_utime=0, si_stime=0}, WEXITED, NULL) = 0");
}

Test(sys_i386, rt_sigqueueinfo_siginfo_32)
{
	static uint8_t si[128];
	put32(si, 0, 10);	    /* SIGUSR1 */
	put32(si, 8, (uint32_t)-1); /* SI_QUEUE */
	put32(si, 12, 77);
	put32(si, 16, 1000);
	put32(si, 20, 0xdead);
	map(0x2000, si, sizeof(si));
	cr_expect_str_eq(RUN("rt_sigqueueinfo", 0, 77, 10, 0x2000),
			 "rt_sigqueueinfo(77, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, "
			 "si_pid=77, si_uid=1000, si_int=57005, si_ptr=0xdead}) = 0");
}

Test(sys_i386, sigaction_old_and_rt)
{
	static uint32_t old[4] = {0x5664a3fd, 1u << (12 - 1), 0x10000000, 0}; /* SA_RESTART */
	static uint32_t rt[5] = {0x5664a3fd, 0, 0, 1u << (12 - 1), 0};
	map(0x2000, old, sizeof(old));
	map(0x3000, rt, sizeof(rt));
	cr_expect_str_eq(RUN("sigaction", 0, 10, 0x2000, 0),
			 "sigaction(SIGUSR1, {sa_handler=0x5664a3fd, sa_mask=[USR2], "
			 "sa_flags=SA_RESTART}, NULL) = 0");
	cr_expect_str_eq(RUN("rt_sigaction", 0, 10, 0x3000, 0, 8),
			 "rt_sigaction(SIGUSR1, {sa_handler=0x5664a3fd, sa_mask=[USR2], "
			 "sa_flags=0}, NULL, 8) = 0");
}

Test(sys_i386, time32_and_time64)
{
	static int32_t ts32[2] = {-1, 1000};
	static int64_t ts64[2] = {0x100000000LL, 1000};
	map(0x2000, ts32, sizeof(ts32));
	map(0x3000, ts64, sizeof(ts64));
	cr_expect_str_eq(RUN("clock_nanosleep", 0, 0, 0, 0x2000, 0),
			 "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=-1, tv_nsec=1000}, NULL) = 0");
	cr_expect_str_eq(RUN("clock_nanosleep_time64", 0, 0, 0, 0x3000, 0),
			 "clock_nanosleep_time64(CLOCK_REALTIME, 0, {tv_sec=4294967296, "
			 "tv_nsec=1000}, NULL) = 0");
	cr_expect_str_eq(RUN("clock_gettime64", 0, 1, 0x3000),
			 "clock_gettime64(CLOCK_MONOTONIC, {tv_sec=4294967296, tv_nsec=1000}) = 0");
}

Test(sys_i386, itimerval_and_stack_t)
{
	static int32_t it[4] = {0, 0, 1, 500};
	static uint32_t ss[3] = {0, 2, 0}; /* SS_DISABLE */
	map(0x2000, it, sizeof(it));
	map(0x3000, ss, sizeof(ss));
	cr_expect_str_eq(RUN("setitimer", 0, 0, 0x2000, 0),
			 "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
			 "it_value={tv_sec=1, tv_usec=500}}, NULL) = 0");
	cr_expect_str_eq(RUN("sigaltstack", 0, 0, 0x3000),
			 "sigaltstack(NULL, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0");
}

Test(sys_i386, set_thread_area_user_desc)
{
	static uint32_t ud[4] = {0xffffffff, 0xf7f6c5c0, 0xfffff, 0x51};
	map(0x2000, ud, sizeof(ud));
	cr_expect_str_eq(RUN("set_thread_area", 0, 0x2000),
			 "set_thread_area({entry_number=-1, base_addr=0xf7f6c5c0, limit=0x0fffff, "
			 "seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, "
			 "seg_not_present=0, useable=1}) = 0");
	ud[0] = 12; /* the entry the kernel chose, written back */
	cr_expect_str_eq(RUN("set_thread_area", 0, 0x2000),
			 "set_thread_area({entry_number=12, base_addr=0xf7f6c5c0, limit=0x0fffff, "
			 "seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, "
			 "seg_not_present=0, useable=1}) = 0");
}

Test(sys_i386, sigreturn_mask_from_the_frame)
{
	static uint8_t frame[1024];
	put32(frame, 80, 1u << (10 - 1)); /* sigcontext.oldmask: SIGUSR1 */
	map(0x8000, frame, sizeof(frame));
	stack_pointer = 0x8000;
	cr_expect_str_eq(RUN("sigreturn", 0, 0), "sigreturn({mask=[USR1]}) = 0");
	/* rt_sigframe: uc_sigmask 248 bytes above the stack pointer. */
	memset(frame, 0, sizeof(frame));
	put32(frame, 248, 1u << (12 - 1));
	cr_expect_str_eq(RUN("rt_sigreturn", 0, 0), "rt_sigreturn({mask=[USR2]}) = 0");
}

Test(sys_i386, sendfile64_offset_is_64_bit)
{
	static int64_t off = 0x100000000LL;
	map(0x2000, &off, sizeof(off));
	cr_expect_str_eq(RUN("sendfile64", 10, 1, 3, 0x2000, 10),
			 "sendfile64(1, 3, [4294967296] => [4294967296], 10) = 10");
}
