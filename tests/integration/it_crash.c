/*
 * Crash reports and -k stacks, tested through the libraries (src/crash,
 * src/unwind) on the testprogs/crash_* programs.  This file is its own small
 * tracer: it forks the program under PTRACE_TRACEME, follows forks and
 * threads, calls unwind_invalidate() where ptrc's event loop will, and at the
 * fault's signal-delivery stop builds the report the way ptrc will.  Then it
 * delivers the signal and checks that the program dies of it.
 *
 * Expected lines come from markers in the sources (CRASH-LINE, KSTACK-*).
 * PTRC_IT_VERBOSE=1 prints every report and stack.
 */
#include <criterion/criterion.h>
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crash/crash.h"
#include "crash/maps.h"
#include "harness.h"
#include "unwind/fmt_frames.h"
#include "unwind/unwind.h"

enum { MAX_PROCS = 8, MAX_TASKS = 32 };

/* Fails the test; abort() only tells the compiler that it does not return. */
#define DIE(...)                                                                                   \
	do {                                                                                       \
		cr_assert_fail(__VA_ARGS__);                                                       \
		abort();                                                                           \
	} while (0)

struct traced {
	pid_t leader;
	int status; /* of the leader */
	enum unwind_backend backend;
	bool syscalls; /* stop at syscalls (for -k) */
	long knr[2];   /* syscalls whose stacks are recorded */
	struct strbuf stacks;
	pid_t procs[MAX_PROCS];
	struct unwind_proc *up[MAX_PROCS];
	struct tmem_live live[MAX_PROCS];
	struct tmem mem[MAX_PROCS];
	pid_t tids[MAX_TASKS];
	long nr[MAX_TASKS]; /* syscall in progress */
	int nreports;
	struct crash_report rep;
	struct strbuf text;
	struct arena ar;
};

static pid_t tgid_of(pid_t tid)
{
	char path[64], line[128];
	pid_t tgid = tid;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return tid;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

static int proc_slot(struct traced *t, pid_t tid)
{
	pid_t pid = tgid_of(tid);

	for (int i = 0; i < MAX_PROCS; i++) {
		if (t->procs[i] == pid)
			return i;
		if (!t->procs[i]) {
			t->procs[i] = pid;
			t->up[i] = unwind_proc_new(pid, t->backend);
			tmem_live_init(&t->live[i], &t->mem[i], pid);
			return i;
		}
	}
	DIE("too many processes");
}

static long *task_nr(struct traced *t, pid_t tid)
{
	for (int i = 0; i < MAX_TASKS; i++) {
		if (t->tids[i] == tid || !t->tids[i]) {
			t->tids[i] = tid;
			return &t->nr[i];
		}
	}
	DIE("too many tasks");
}

static void record_stack(struct traced *t, pid_t tid, long nr)
{
	struct unwind_trace tr;
	struct arena ar = {0};
	int s = proc_slot(t, tid);

	cr_assert_eq(unwind_walk(t->up[s], tid, NULL, &ar, &tr), 0, "unwind_walk failed");
	strbuf_addf(&t->stacks, "syscall %ld\n", nr);
	fmt_frames(&t->stacks, &tr, NULL);
	arena_free(&ar);
}

static void on_syscall(struct traced *t, pid_t tid)
{
	struct __ptrace_syscall_info info;
	long *nr = task_nr(t, tid);

	if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof(info), &info) < 0)
		return;
	if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
		*nr = (long)info.entry.nr;
		if (*nr == t->knr[0] || *nr == t->knr[1])
			record_stack(t, tid, *nr);
		return;
	}
	/* What ptrc's event loop does after these calls return. */
	if (*nr == SYS_mmap || *nr == SYS_munmap || *nr == SYS_mprotect || *nr == SYS_mremap)
		unwind_invalidate(t->up[proc_slot(t, tid)], UNWIND_MAPS);
}

static const char *const fake_last[] = {"getpid() = 1234", "write(1, \"x\", 1) = 1"};

static int on_signal(struct traced *t, pid_t tid, int sig)
{
	siginfo_t si;
	int s = proc_slot(t, tid);

	if (ptrace(PTRACE_GETSIGINFO, tid, 0L, &si) < 0)
		return sig;
	if (crash_should_report(tid, &si, false) != 1)
		return sig;
	uint64_t regs[64];
	struct iovec iov = {.iov_base = regs, .iov_len = sizeof(regs)};
	cr_assert_eq(ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov), 0);
	struct crash_input in = {.pid = t->procs[s],
				 .tid = tid,
				 .si = si,
				 .regset = regs,
				 .regset_len = iov.iov_len,
				 .mem = &t->mem[s],
				 .unwinder = t->up[s],
				 .last_syscalls = fake_last,
				 .nlast = 2};
	cr_assert_eq(crash_collect(&in, &t->ar, &t->rep), 0, "crash_collect failed");
	crash_format(&t->text, &t->rep);
	t->nreports++;
	if (getenv("PTRC_IT_VERBOSE"))
		fprintf(stderr, "%s", t->text.buf);
	return sig;
}

static void on_stop(struct traced *t, pid_t tid, int st)
{
	int sig = WSTOPSIG(st), inject = 0;

	if (sig == (SIGTRAP | 0x80)) {
		on_syscall(t, tid);
	} else if (st >> 16 == PTRACE_EVENT_EXEC) {
		unwind_invalidate(t->up[proc_slot(t, tid)], UNWIND_EXEC);
	} else if (st >> 16 == 0 && sig != SIGSTOP) {
		inject = on_signal(t, tid, sig);
	}
	ptrace(t->syscalls ? PTRACE_SYSCALL : PTRACE_CONT, tid, 0L, (long)inject);
}

/* Runs prog under ptrace to its end. */
static void trace_prog(struct traced *t, const char *prog, const char *arg)
{
	const long opts = PTRACE_O_EXITKILL | PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE |
			  PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC;
	int st;
	pid_t pid = fork();

	cr_assert(pid >= 0);
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0L, 0L);
		raise(SIGSTOP);
		execl(prog, prog, arg, (char *)NULL);
		_exit(127);
	}
	t->leader = pid;
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFSTOPPED(st));
	cr_assert_eq(ptrace(PTRACE_SETOPTIONS, pid, 0L, opts), 0);
	ptrace(t->syscalls ? PTRACE_SYSCALL : PTRACE_CONT, pid, 0L, 0L);
	for (;;) {
		pid_t tid = waitpid(-1, &st, __WALL);
		if (tid < 0)
			break;
		if (WIFSTOPPED(st))
			on_stop(t, tid, st);
		else if (tid == pid)
			t->status = st;
	}
}

static void traced_free(struct traced *t)
{
	for (int i = 0; i < MAX_PROCS && t->procs[i]; i++) {
		unwind_proc_free(t->up[i]);
		tmem_live_close(&t->live[i]);
	}
	strbuf_free(&t->stacks);
	strbuf_free(&t->text);
	arena_free(&t->ar);
}

/* The line of a testprogs source that holds marker. */
static unsigned marker_line(const char *src, const char *marker)
{
	char path[512], line[512];
	unsigned n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", PTRC_TESTPROGS_SRC, src);
	f = fopen(path, "re");
	cr_assert(f, "cannot open %s", path);
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (strstr(line, marker)) {
			fclose(f);
			return n;
		}
	}
	fclose(f);
	DIE("no %s in %s", marker, src);
}

/* Each of funcs must name a frame, in this order (other frames may come between). */
static void assert_frames(const struct crash_report *r, const char *const *funcs, size_t n)
{
	size_t at = 0;

	for (size_t i = 0; i < n; i++) {
		while (at < r->trace.n &&
		       !(r->trace.frames[at].func && !strcmp(r->trace.frames[at].func, funcs[i])))
			at++;
		cr_assert_lt(at, r->trace.n, "no frame %s in order in the backtrace", funcs[i]);
		at++;
	}
}

static const struct crash_insn *pc_insn(const struct crash_report *r)
{
	for (size_t i = 0; i < r->dis.n; i++)
		if (r->dis.insns[i].is_pc)
			return &r->dis.insns[i];
	DIE("no instruction marked at the pc");
}

struct expect {
	const char *prog, *src;
	int sig, code;
	enum fault_class cls;
	const char *insn; /* the start of the faulting instruction's text */
	const char *funcs[4];
};

static void check_crash(const struct expect *e, enum unwind_backend backend)
{
	struct traced t = {.backend = backend};
	size_t nf = 0;

	trace_prog(&t, it_prog(e->prog), NULL);
	cr_assert_eq(t.nreports, 1, "%d crash reports", t.nreports);
	const struct crash_report *r = &t.rep;
	cr_expect_eq(r->signo, e->sig, "signal %d", r->signo);
	cr_expect_eq(r->code, e->code, "si_code %d", r->code);
	cr_expect_eq(r->cls, e->cls, "class %s: %s", fault_class_name(r->cls), r->fault_text);
	if (e->insn)
		cr_expect(!strncmp(pc_insn(r)->text, e->insn, strlen(e->insn)), "insn %s",
			  pc_insn(r)->text);
	cr_expect(strstr(t.text.buf, "\n=> 0x"), "no marked instruction");
	while (nf < 4 && e->funcs[nf])
		nf++;
	assert_frames(r, e->funcs, nf);
	if (e->src) {
		cr_assert(r->src_frame, "no source line");
		cr_expect_eq(r->src_frame->line, marker_line(e->src, "CRASH-LINE"));
		cr_expect(strstr(r->src_text, "CRASH-LINE"), "source text %s", r->src_text);
	}
	cr_expect(strstr(t.text.buf, "  write(1, \"x\", 1) = 1\n"), "no last syscalls");
	cr_expect(strstr(t.text.buf, "memory map:\n  pc"), "no map line for the pc");
	cr_expect(WIFSIGNALED(t.status) && WTERMSIG(t.status) == e->sig, "status 0x%x", t.status);
	traced_free(&t);
}

TestSuite(crash, .timeout = 60);

static const struct expect x_null = {"crash_null",
				     "crash_null.c",
				     SIGSEGV,
				     SEGV_MAPERR,
				     FAULT_NULL_PAGE,
				     "mov dword ptr [rax], 0x2a",
				     {"level3", "level2", "level1", "main"}};

Test(crash, null_store_libdw)
{
	check_crash(&x_null, UNWIND_LIBDW);
}

Test(crash, null_store_libunwind)
{
	check_crash(&x_null, UNWIND_LIBUNWIND);
}

Test(crash, unmapped_read)
{
	static const struct expect x = {
		"crash_unmapped", "crash_unmapped.c",	      SIGSEGV,	       SEGV_MAPERR,
		FAULT_UNMAPPED,	  "mov eax, dword ptr [rax]", {"peek", "main"}};
	check_crash(&x, UNWIND_LIBDW);
}

Test(crash, stack_overflow)
{
	struct traced t = {.backend = UNWIND_LIBDW};

	trace_prog(&t, it_prog("crash_stack"), NULL);
	cr_assert_eq(t.nreports, 1);
	cr_expect_eq(t.rep.signo, SIGSEGV);
	cr_expect_eq(t.rep.cls, FAULT_GUARD_GAP, "class %s", fault_class_name(t.rep.cls));
	cr_expect(strstr(t.rep.fault_text, "likely a stack overflow"), "%s", t.rep.fault_text);
	/* The walk is cut at the depth limit, and says so. */
	cr_expect_eq(t.rep.trace.stop, UNWIND_STOP_DEPTH);
	cr_expect_eq(t.rep.trace.n, UNWIND_DEFAULT_DEPTH);
	cr_expect(strstr(t.text.buf, " > (stack truncated: more than 256 frames)\n"));
	cr_expect(strstr(t.text.buf, "(the frame above repeats 25"), "recursion not collapsed");
	cr_expect_str_eq(t.rep.trace.frames[1].func, "recurse");
	cr_expect_eq(t.rep.trace.frames[1].line, marker_line("crash_stack.c", "CRASH-LINE"));
	cr_expect(WIFSIGNALED(t.status) && WTERMSIG(t.status) == SIGSEGV);
	traced_free(&t);
}

Test(crash, assert_abort)
{
	static const struct expect x = {
		"crash_abort", "crash_abort.c",		  SIGABRT, SI_TKILL, FAULT_NO_ADDRESS,
		NULL,	       {"abort", "check", "main"}};
	check_crash(&x, UNWIND_LIBDW);
}

Test(crash, divide_by_zero)
{
	static const struct expect x = {"crash_fpe",	   "crash_fpe.c", SIGFPE,
					FPE_INTDIV,	   FAULT_MAPPED,  "idiv",
					{"divide", "main"}};
	check_crash(&x, UNWIND_LIBDW);
}

Test(crash, illegal_instruction)
{
	static const struct expect x = {"crash_ill",  "crash_ill.c", SIGILL,	     ILL_ILLOPN,
					FAULT_MAPPED, "ud2",	     {"bad", "main"}};
	check_crash(&x, UNWIND_LIBDW);
}

Test(crash, sigbus_truncated_file)
{
	static const struct expect x = {"crash_bus",  "crash_bus.c", SIGBUS,	       BUS_ADRERR,
					FAULT_MAPPED, "movzx",	     {"touch", "main"}};
	check_crash(&x, UNWIND_LIBDW);
}

Test(crash, in_shared_library)
{
	static const struct expect x = {"crash_lib",
					"crash_libsrc.c",
					SIGSEGV,
					SEGV_MAPERR,
					FAULT_NULL_PAGE,
					"mov dword ptr [rax], edx",
					{"lib_inner", "crashlib_store", "main"}};
	check_crash(&x, UNWIND_LIBDW);
}

Test(crash, in_child_process)
{
	struct traced t = {.backend = UNWIND_LIBDW};
	static const char *const funcs[] = {"child_work", "main"};

	trace_prog(&t, it_prog("crash_child"), NULL);
	cr_assert_eq(t.nreports, 1);
	cr_expect_neq(t.rep.pid, t.leader, "the report names the child");
	cr_expect_eq(t.rep.signo, SIGSEGV);
	cr_expect_eq(t.rep.cls, FAULT_NULL_PAGE);
	assert_frames(&t.rep, funcs, 2);
	cr_expect_eq(t.rep.src_frame->line, marker_line("crash_child.c", "CRASH-LINE"));
	/* The parent saw its child killed by SIGSEGV and exits 100 + 11. */
	cr_expect(WIFEXITED(t.status) && WEXITSTATUS(t.status) == 100 + SIGSEGV);
	traced_free(&t);
}

Test(crash, in_thread)
{
	struct traced t = {.backend = UNWIND_LIBDW};
	static const char *const funcs[] = {"thread_work", "thread_main"};

	trace_prog(&t, it_prog("crash_thread"), NULL);
	cr_assert_eq(t.nreports, 1);
	cr_expect_eq(t.rep.pid, t.leader);
	cr_expect_neq(t.rep.tid, t.leader, "the report names the thread");
	cr_expect_eq(t.rep.cls, FAULT_NULL_PAGE);
	assert_frames(&t.rep, funcs, 2);
	cr_expect_eq(t.rep.src_frame->line, marker_line("crash_thread.c", "CRASH-LINE"));
	cr_expect(WIFSIGNALED(t.status) && WTERMSIG(t.status) == SIGSEGV);
	traced_free(&t);
}

Test(crash, stripped_binary)
{
	struct traced t = {.backend = UNWIND_LIBDW};

	trace_prog(&t, it_prog("crash_stripped"), NULL);
	cr_assert_eq(t.nreports, 1);
	cr_expect_eq(t.rep.cls, FAULT_NULL_PAGE);
	cr_assert_gt(t.rep.trace.n, 2);
	const struct unwind_frame *f = &t.rep.trace.frames[0];
	/* No symbol and no line: module + offset only. */
	cr_expect(f->module && strstr(f->module, "crash_stripped"), "module %s", f->module);
	cr_expect_null(f->func);
	cr_expect_eq(f->line, 0);
	cr_expect(strstr(t.text.buf, "crash_stripped() [0x"), "no module+offset frame");
	cr_expect_null(t.rep.src_frame);
	cr_expect(!strncmp(pc_insn(&t.rep)->text, "mov dword ptr [rax], 0x2a", 25));
	cr_expect(WIFSIGNALED(t.status) && WTERMSIG(t.status) == SIGSEGV);
	traced_free(&t);
}

Test(crash, cxx_demangled)
{
	struct traced t = {.backend = UNWIND_LIBDW};
	static const char *const funcs[] = {"shapes::Box<int>::fill(int)",
					    "shapes::pack(shapes::Box<int>&, int)", "main"};

	if (access(it_prog("crash_cxx"), X_OK) != 0)
		cr_skip_test("no C++ compiler: crash_cxx was not built");
	trace_prog(&t, it_prog("crash_cxx"), NULL);
	cr_assert_eq(t.nreports, 1);
	assert_frames(&t.rep, funcs, 3);
	cr_expect_eq(t.rep.src_frame->line, marker_line("crash_cxx.cc", "CRASH-LINE"));
	traced_free(&t);
}

Test(crash, handled_signal_no_report)
{
	struct traced t = {.backend = UNWIND_LIBDW};

	trace_prog(&t, it_prog("crash_handled"), NULL);
	cr_expect_eq(t.nreports, 0, "a handled SIGSEGV was reported");
	cr_expect(WIFEXITED(t.status) && WEXITSTATUS(t.status) == 0, "status 0x%x", t.status);
	traced_free(&t);
}

/* -k: the stack of a syscall three calls deep, with an inlined frame, then in a dlopen'ed library.
 */
static void check_kstack(enum unwind_backend backend)
{
	struct traced t = {.backend = backend, .syscalls = true, .knr = {SYS_getpid, SYS_getppid}};
	char want[256];
	const char *text;

	trace_prog(&t, it_prog("crash_kstack"), it_prog("libcrashlib.so"));
	cr_assert(WIFEXITED(t.status) && WEXITSTATUS(t.status) == 0, "status 0x%x", t.status);
	text = t.stacks.buf;
	cr_assert(text, "no stacks");
	if (getenv("PTRC_IT_VERBOSE"))
		fprintf(stderr, "%s", text);
	const char *at = strstr(text, "syscall 39\n");
	cr_assert(at, "no getpid stack");
	snprintf(want, sizeof(want), "/crash_kstack(deep3+0x");
	cr_assert(at = strstr(at, want), "no %s", want);
	snprintf(want, sizeof(want), "] crash_kstack.c:%u\n",
		 marker_line("crash_kstack.c", "KSTACK-DEEP"));
	cr_assert(at = strstr(at, want), "no %s", want);
	snprintf(want, sizeof(want), "(deep2) [0x");
	cr_assert(at = strstr(at, "(deep2"), "no %s", want);
	snprintf(want, sizeof(want), "] crash_kstack.c:%u (inlined into deep1)\n",
		 marker_line("crash_kstack.c", "KSTACK-INLINE"));
	cr_assert(at = strstr(at, want), "no %s", want);
	cr_assert(at = strstr(at, "/crash_kstack(deep1+0x"), "no deep1");
	cr_assert(at = strstr(at, "/crash_kstack(main+0x"), "no main");
	/* The second getppid comes from the library loaded in between. */
	cr_assert(at = strstr(at, "syscall 110\n"), "no first getppid");
	cr_assert(at = strstr(at + 1, "syscall 110\n"), "no second getppid");
	snprintf(want, sizeof(want), "/libcrashlib.so(crashlib_getppid+0x");
	cr_assert(at = strstr(at, want), "no %s", want);
	snprintf(want, sizeof(want), "] crash_libsrc.c:%u\n",
		 marker_line("crash_libsrc.c", "KSTACK-LIB"));
	cr_assert(strstr(at, want), "no %s", want);
	traced_free(&t);
}

Test(kstack, libdw)
{
	check_kstack(UNWIND_LIBDW);
}

Test(kstack, libunwind)
{
	check_kstack(UNWIND_LIBUNWIND);
}
