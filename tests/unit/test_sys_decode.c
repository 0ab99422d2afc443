/* Syscall decoders against a fake tracee memory, printed as strace text. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "test_sys_harness.h"

TestSuite(sys_decode, .init = setup, .fini = teardown);

Test(sys_decode, read_shows_buffer_at_exit_only_on_success)
{
	static const char data[] = "hello\n";
	map(0x1000, data, 6);
	cr_expect_str_eq(RUN("read", 6, 3, 0x1000, 4096), "read(3, \"hello\\n\", 4096) = 6");
	cr_expect_str_eq(RUN("read", -EBADF, 3, 0x1000, 4096),
			 "read(3, 0x1000, 4096) = -1 EBADF (Bad file descriptor)");
}

Test(sys_decode, unreadable_pointers_print_as_addresses)
{
	cr_expect_str_eq(RUN("write", 5, 1, 0xdead0000, 5), "write(1, 0xdead0000, 5) = 5");
	cr_expect_str_eq(RUN("openat", -EFAULT, (uint64_t)(int64_t)AT_FDCWD, 0xbad, O_RDONLY),
			 "openat(AT_FDCWD, 0xbad, O_RDONLY) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("nanosleep", 0, 0, 0), "nanosleep(NULL, NULL) = 0");
}

Test(sys_decode, write_truncates_to_strsize)
{
	static const char data[] = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
	map(0x2000, data, 40);
	cr_expect_str_eq(RUN("write", 40, 1, 0x2000, 40),
			 "write(1, \"0123456789abcdefghijklmnopqrstuv\"..., 40) = 40");
}

Test(sys_decode, openat_mode_only_when_creating)
{
	static const char path[] = "/tmp/x";
	map(0x3000, path, sizeof(path));
	cr_expect_str_eq(
		RUN("openat", 3, (uint64_t)(int64_t)AT_FDCWD, 0x3000,
		    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644),
		"openat(AT_FDCWD, \"/tmp/x\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 3");
	cr_expect_str_eq(RUN("openat", 3, (uint64_t)(int64_t)AT_FDCWD, 0x3000, O_RDONLY, 0644),
			 "openat(AT_FDCWD, \"/tmp/x\", O_RDONLY) = 3");
}

Test(sys_decode, mmap_flags_and_hex_return)
{
	cr_expect_str_eq(
		RUN("mmap", 0x7f0000001000, 0, 8192, 3, 0x22, (uint64_t)-1, 0),
		"mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
		"0x7f0000001000");
	cr_expect_str_eq(RUN("mprotect", 0, 0x1000, 4096, 0),
			 "mprotect(0x1000, 4096, PROT_NONE) = 0");
}

Test(sys_decode, flag_leftovers_print_in_hex)
{
	cr_expect_str_eq(RUN("mprotect", 0, 0x1000, 4096, 0x1 | 0x40000000),
			 "mprotect(0x1000, 4096, PROT_READ|0x40000000) = 0");
}

Test(sys_decode, rt_sigprocmask_sets_and_complement)
{
	static uint64_t all_but_rt = ~(uint64_t)0 & ~(3ULL << 31);
	static uint64_t some = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
	static uint64_t none;
	map(0x4000, &all_but_rt, 8);
	map(0x4100, &some, 8);
	map(0x4200, &none, 8);
	cr_expect_str_eq(RUN("rt_sigprocmask", 0, SIG_BLOCK, 0x4000, 0x4200, 8),
			 "rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], [], 8) = 0");
	cr_expect_str_eq(RUN("rt_sigprocmask", 0, SIG_SETMASK, 0x4100, 0, 8),
			 "rt_sigprocmask(SIG_SETMASK, [INT TERM], NULL, 8) = 0");
}

Test(sys_decode, rt_sigaction_struct)
{
	static uint64_t act[4] = {1 /* SIG_IGN */, 0x04000000 | SA_RESTART, 0x7f00dead, 0};
	act[3] = 1ULL << (SIGPIPE - 1);
	map(0x5000, act, sizeof(act));
	cr_expect_str_eq(RUN("rt_sigaction", 0, SIGPIPE, 0x5000, 0, 8),
			 "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[PIPE], "
			 "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f00dead}, NULL, 8) = 0");
}

/* strace 6.1: -X raw prints a set's signals and sa_handler's SIG_DFL and SIG_IGN as numbers,
 * -X verbose both. */
Test(sys_decode, signals_as_numbers_under_raw)
{
	static uint64_t act[4] = {1 /* SIG_IGN */, 0x04000000, 0x7f00dead, 0};
	static uint64_t all_but = ~(uint64_t)0 & ~(1ULL << (SIGKILL - 1)) & ~(3ULL << 31);
	static uint64_t dfl[4] = {0, 0, 0, 0};
	act[3] = (1ULL << (SIGINT - 1)) | (1ULL << (SIGCHLD - 1)) | (1ULL << 35);
	map(0x5000, act, sizeof(act));
	map(0x5100, &all_but, 8);
	map(0x5200, dfl, sizeof(dfl));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("rt_sigaction", 0, SIGPIPE, 0x5000, 0x5200, 8),
			 "rt_sigaction(13, {sa_handler=0x1, sa_mask=[2 17 36], sa_flags=0x4000000, "
			 "sa_restorer=0x7f00dead}, {sa_handler=0, sa_mask=[], sa_flags=0}, 8) = 0");
	cr_expect_str_eq(RUN("rt_sigprocmask", 0, SIG_SETMASK, 0x5100, 0, 8),
			 "rt_sigprocmask(0x2, ~[9 32 33], NULL, 8) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("rt_sigaction", 0, SIGPIPE, 0x5000, 0x5200, 8),
		"rt_sigaction(13 /* SIGPIPE */, {sa_handler=0x1 /* SIG_IGN */, sa_mask=[2 /* "
		"INT */ 17 /* CHLD */ 36 /* RT_4 */], sa_flags=0x4000000 /* SA_RESTORER */, "
		"sa_restorer=0x7f00dead}, {sa_handler=0 /* SIG_DFL */, sa_mask=[], "
		"sa_flags=0}, 8) = 0");
	cr_expect_str_eq(
		RUN("rt_sigprocmask", 0, SIG_SETMASK, 0x5100, 0, 8),
		"rt_sigprocmask(0x2 /* SIG_SETMASK */, ~[9 /* KILL */ 32 /* RTMIN */ 33 /* "
		"RT_1 */], NULL, 8) = 0");
}

Test(sys_decode, wait4_status_expressions)
{
	static int exited = 3 << 8, killed = SIGKILL, cored = SIGSEGV | 0x80;
	map(0x6000, &exited, 4);
	map(0x6100, &killed, 4);
	map(0x6200, &cored, 4);
	cr_expect_str_eq(RUN("wait4", 42, 42, 0x6000, 0, 0),
			 "wait4(42, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 42");
	cr_expect_str_eq(
		RUN("wait4", 42, (uint64_t)-1, 0x6100, 0x40000000, 0),
		"wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], __WALL, NULL) = 42");
	cr_expect_str_eq(
		RUN("wait4", 42, 42, 0x6200, 0, 0),
		"wait4(42, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, "
		"NULL) = 42");
}

Test(sys_decode, execve_argv_and_env_count)
{
	static const char path[] = "/bin/ls", a1[] = "-l";
	static uint64_t argv[3] = {0x7100, 0x7200, 0};
	static uint64_t envp[4] = {0x7200, 0x7200, 0x7200, 0};
	map(0x7100, path, sizeof(path));
	map(0x7200, a1, sizeof(a1));
	map(0x7300, argv, sizeof(argv));
	map(0x7400, envp, sizeof(envp));
	cr_expect_str_eq(RUN("execve", 0, 0x7100, 0x7300, 0x7400),
			 "execve(\"/bin/ls\", [\"/bin/ls\", \"-l\"], 0x7400 /* 3 vars */) = 0");
}

Test(sys_decode, connect_inet_and_unix)
{
	static struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = 0x5000};
	static struct sockaddr_un sun = {.sun_family = AF_UNIX, .sun_path = "/run/s"};
	sin.sin_addr.s_addr = htonl(0x7f000001);
	map(0x8000, &sin, sizeof(sin));
	map(0x8100, &sun, sizeof(sun));
	cr_expect_str_eq(RUN("connect", 0, 3, 0x8000, 16),
			 "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
			 "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
	cr_expect_str_eq(
		RUN("connect", -ENOENT, 3, 0x8100, 110),
		"connect(3, {sa_family=AF_UNIX, sun_path=\"/run/s\"}, 110) = -1 ENOENT (No "
		"such file or directory)");
}

/* strace 6.1's lines for the same bytes: under -X raw a socket address's network-order
 * fields are their bytes, under -X verbose with the call beside them. */
Test(sys_decode, inet_addresses_as_bytes_under_raw_and_verbose)
{
	static struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = 0x9396};
	static struct sockaddr_in6 s6 = {.sin6_family = AF_INET6, .sin6_port = 0x5000};
	sin.sin_addr.s_addr = htonl(0x7f000001);
	s6.sin6_addr.s6_addr[15] = 1;
	map(0x8000, &sin, sizeof(sin));
	map(0x8200, &s6, sizeof(s6));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("connect", 0, 4, 0x8000, 16),
			 "connect(4, {sa_family=0x2, sin_port=\"\\x96\\x93\", "
			 "sin_addr=\"\\x7f\\x00\\x00\\x01\"}, 16) = 0");
	cr_expect_str_eq(RUN("bind", 0, 6, 0x8200, 28),
			 "bind(6, {sa_family=0xa, sin6_port=\"\\x00\\x50\", "
			 "sin6_flowinfo=\"\\x00\\x00\\x00\\x00\", "
			 "sin6_addr="
			 "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
			 "\\x00\\x01\", "
			 "sin6_scope_id=0}, 28) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("connect", 0, 4, 0x8000, 16),
			 "connect(4, {sa_family=0x2 /* AF_INET */, sin_port=\"\\x96\\x93\" /* "
			 "htons(38547) */, sin_addr=\"\\x7f\\x00\\x00\\x01\" /* "
			 "inet_addr(\"127.0.0.1\") */}, 16) = 0");
	cr_expect_str_eq(RUN("bind", 0, 6, 0x8200, 28),
			 "bind(6, {sa_family=0xa /* AF_INET6 */, sin6_port=\"\\x00\\x50\" /* "
			 "htons(80) */, sin6_flowinfo=\"\\x00\\x00\\x00\\x00\" /* htonl(0) "
			 "*/, "
			 "sin6_addr="
			 "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
			 "\\x00\\x01\" "
			 "/* inet_pton(AF_INET6, \"::1\") */, sin6_scope_id=0}, 28) = 0");
}

Test(sys_decode, socket_type_and_protocol)
{
	cr_expect_str_eq(RUN("socket", 3, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP),
			 "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3");
	cr_expect_str_eq(RUN("socket", 3, AF_UNIX, SOCK_DGRAM, 0),
			 "socket(AF_UNIX, SOCK_DGRAM, 0) = 3");
}

Test(sys_decode, clone_named_arguments)
{
	cr_expect_str_eq(RUN("clone", 77, 0x01200000 | SIGCHLD, 0, 0, 0x7f10, 0),
			 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|"
			 "SIGCHLD, child_tidptr=0x7f10) = 77");
}

Test(sys_decode, fcntl_getfl_note_and_setfd)
{
	cr_expect_str_eq(RUN("fcntl", 0x8002, 3, F_GETFL), "fcntl(3, F_GETFL) = 0x8002 (flags "
							   "O_RDWR|O_LARGEFILE)");
	cr_expect_str_eq(RUN("fcntl", 0, 3, F_SETFD, FD_CLOEXEC),
			 "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	cr_expect_str_eq(RUN("fcntl", 0, 3, F_GETFD), "fcntl(3, F_GETFD) = 0");
	/* strace 6.1 names F_GETFL's flags in every -X style, F_GETFD's as the style says */
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("fcntl", 0x18000, 3, F_GETFL),
			 "fcntl(3, 0x3) = 0x18000 (flags O_RDONLY|O_LARGEFILE|O_DIRECTORY)");
	cr_expect_str_eq(RUN("fcntl", 1, 3, F_GETFD), "fcntl(3, 0x1) = 0x1 (flags 0x1)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("fcntl", 1, 1, F_GETFL),
			 "fcntl(1, 0x3 /* F_GETFL */) = 0x1 (flags O_WRONLY)");
	cr_expect_str_eq(RUN("fcntl", 1, 3, F_GETFD),
			 "fcntl(3, 0x1 /* F_GETFD */) = 0x1 (flags 0x1 /* FD_CLOEXEC */)");
}

/* strace 6.1: listxattr with a size of 0 shows the list's address, whatever came back. */
Test(sys_decode, listxattr_size_0_keeps_the_address)
{
	static const char names[] = "user.x";
	map(0x1000, "/f", 3);
	map(0x2000, names, sizeof(names));
	cr_expect_str_eq(RUN("listxattr", 7, 0x1000, 0x2000, 0),
			 "listxattr(\"/f\", 0x2000, 0) = 7");
	cr_expect_str_eq(RUN("flistxattr", 0, 3, 0x2000, 0), "flistxattr(3, 0x2000, 0) = 0");
	cr_expect_str_eq(RUN("llistxattr", 7, 0x1000, 0, 0), "llistxattr(\"/f\", NULL, 0) = 7");
	cr_expect_str_eq(RUN("listxattr", 7, 0x1000, 0x2000, 100),
			 "listxattr(\"/f\", \"user.x\\0\", 100) = 7");
}

Test(sys_decode, pipe2_fds_and_umask_octal)
{
	static int fds[2] = {4, 5};
	map(0x9000, fds, sizeof(fds));
	cr_expect_str_eq(RUN("pipe2", 0, 0x9000, O_CLOEXEC), "pipe2([4, 5], O_CLOEXEC) = 0");
	cr_expect_str_eq(RUN("umask", 022, 077), "umask(077) = 022");
}

Test(sys_decode, unknown_number_prints_raw)
{
	cr_expect_str_eq(run_nr(0xbad, -ENOSYS, (const uint64_t[6]){1, 2, 3, 4, 5, 6}),
			 "syscall_0xbad(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not "
			 "implemented)");
}

/* An int-typed flag or constant is its register's low 32 bits, as the kernel reads it (strace
 * 6.1's lines); an unsigned long one keeps all 64 (mprotect's prot). */
Test(sys_decode, int_flags_and_constants_are_32_bits)
{
	cr_expect_str_eq(RUN("clock_getres", 0, 0xdeadbeef00000001ULL, 0),
			 "clock_getres(CLOCK_MONOTONIC, NULL) = 0");
	cr_expect_str_eq(RUN("lseek", 0, 3, 0, 0xffffffff00000002ULL), "lseek(3, 0, SEEK_END) = 0");
	cr_expect_str_eq(RUN("mprotect", 0, 0x1000, 4096, 0xdeadbeef00000001ULL),
			 "mprotect(0x1000, 4096, PROT_READ|0xdeadbeef00000000) = 0");
}
