/*
 * Crash reports, from the ptrc binary itself (its event loop, its ring of
 * last syscalls): ptrc -f -e trace=none runs each testprogs/crash_* program,
 * and the test reads the text report and, in a second run, the JSON crash
 * event.  Each program makes one known call before it faults (crash_note.h)
 * and marks its faulting line CRASH-LINE.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

TestSuite(crash, .fini = it_fini, .timeout = 120);

static struct it_run r;

/* Runs ptrc on prog; returns the trace (text, or JSON with json). */
/*
 * A run with -e trace=none has ptrc's seccomp filter: only the exec stops, so the ring holds
 * nothing.  The tests of what the ring holds ask for every call to stop; fast_runs checks
 * what a report says without that.
 */
static bool fast_run;

static char *trace_crash(const char *prog, const char *unwinder, bool json)
{
	if (it_tracer_is_strace())
		cr_skip_test("crash reports are ptrc's own");
	it_init(&r);
	const char *argv[12];
	int n = 0;
	if (json)
		argv[n++] = "--json";
	if (unwinder)
		argv[n++] = unwinder;
	if (!fast_run)
		argv[n++] = "--seccomp-bpf=no";
	argv[n++] = "-f";
	argv[n++] = "-e";
	argv[n++] = "trace=none";
	argv[n++] = "-o";
	argv[n++] = "@TRACE";
	argv[n++] = it_prog(prog);
	argv[n] = NULL;
	it_run(&r, argv);
	char *t = it_read_trace(&r, NULL);
	cr_assert(t, "no trace; stderr:\n%s", r.err);
	return t;
}

/* The report's section after heading, up to the next section; fails without it. */
static const char *section(const char *t, const char *heading)
{
	const char *s = strstr(t, heading);
	cr_assert(s, "no \"%s\" in the report:\n%s", heading, t);
	return s;
}

/* Each of funcs names a frame of the backtrace, in this order. */
static void assert_frames(const char *t, const char *const *funcs)
{
	const char *at = section(t, "backtrace:\n");
	const char *end = strstr(at, "=== end of crash report");

	for (; *funcs; funcs++) {
		char want[160];
		snprintf(want, sizeof(want), "(%s+0x", *funcs);
		at = strstr(at, want);
		cr_assert(at && (!end || at < end), "no frame %s in order in:\n%s", *funcs, t);
	}
}

struct expect {
	const char *prog, *src;
	int sig;
	const char *signal_line; /* "signal: SIGSEGV (SEGV_MAPERR" */
	const char *cls;	 /* the JSON fault class */
	const char *access;	 /* the JSON access kind, or NULL */
	const char *insn;	 /* the start of the faulting instruction's text */
	const char *funcs[5];
};

static void check_text(const struct expect *e, const char *unwinder)
{
	char want[512];
	char *t = trace_crash(e->prog, unwinder, false);

	cr_expect(strstr(t, e->signal_line), "no \"%s\" in:\n%s", e->signal_line, t);
	/* The faulting instruction is marked, in the function's disassembly. */
	const char *code = section(t, "code:\n");
	const char *mark = strstr(code, "\n=> 0x");
	cr_assert(mark, "no marked instruction:\n%s", t);
	if (e->insn) {
		const char *tab = strchr(mark, '\t');
		cr_expect(tab && !strncmp(tab + 1, e->insn, strlen(e->insn)),
			  "insn at => is not %s:\n%s", e->insn, t);
	}
	assert_frames(t, e->funcs);
	if (e->src) {
		snprintf(want, sizeof(want), "%s:%u\n", e->src,
			 it_marker_line(e->src, "CRASH-LINE"));
		cr_expect(strstr(section(t, "source: "), want), "no source line %s in:\n%s", want,
			  t);
		cr_expect(strstr(t, "CRASH-LINE"), "the source line's text is missing:\n%s", t);
	}
	/* The ring recorded the program's own last call, decoded as the trace would show it. */
	const char *last = section(t, "last syscalls of tid ");
	cr_expect(strstr(last, "  write(1, \"about to crash\\n\", 15) = 15\n"),
		  "the last syscalls do not hold the program's write:\n%s", t);
	cr_expect(strstr(t, "memory map:\n  pc"), "no map line for the pc:\n%s", t);
	/* The program dies as it would have, and ptrc says so. */
	it_assert_signal_exit(&r, e->sig);
	free(t);
}

static void check_json(const struct expect *e)
{
	char want[256];
	char *t = trace_crash(e->prog, NULL, true);
	const char *crash = strstr(t, "\"type\":\"crash\"");

	cr_assert(crash, "no crash event:\n%s", t);
	snprintf(want, sizeof(want), "\"fault\":{\"class\":\"%s\"", e->cls);
	cr_expect(strstr(crash, want), "no %s in:\n%s", want, crash);
	if (e->access) {
		snprintf(want, sizeof(want), "\"access\":\"%s\"", e->access);
		cr_expect(strstr(crash, want), "no %s in:\n%s", want, crash);
	}
	if (e->insn) {
		snprintf(want, sizeof(want), "\"text\":\"%s", e->insn);
		const char *insn = strstr(crash, want);
		cr_expect(insn && strstr(insn, "\"fault\":true") &&
				  strstr(insn, "\"fault\":true") < strstr(insn, "}"),
			  "the faulting instruction is not marked %s:\n%s", want, crash);
	}
	cr_expect(strstr(crash, "{\"name\":\"write\",\"abi\":\"x86_64\",\"nr\":1,"
				"\"args\":[1,\"about to crash\\n\",15],\"ret\":15}"),
		  "the last syscalls do not hold the program's write as data:\n%s", crash);
	cr_expect(strstr(crash, "\"last_syscalls_complete\":true"), "not complete:\n%s", crash);
	it_assert_signal_exit(&r, e->sig);
	free(t);
}

static void check_crash(const struct expect *e)
{
	check_text(e, NULL);
	check_json(e);
}

static const struct expect x_null = {"crash_null",
				     "crash_null.c",
				     SIGSEGV,
				     "signal: SIGSEGV (SEGV_MAPERR: address not mapped to object)",
				     "null_page",
				     "write",
				     "mov dword ptr [rax], 0x2a",
				     {"level3", "level2", "level1", "main", NULL}};

Test(crash, null_store)
{
	check_crash(&x_null);
}

/*
 * Under the filter the report still has the signal, the fault and the stack, and says that
 * the calls that did not stop are not in it, rather than showing an empty or short ring as
 * the program's last calls.
 */
Test(crash, fast_run_says_what_it_did_not_record)
{
	fast_run = true;
	char *t = trace_crash("crash_null", NULL, false);

	cr_expect(strstr(t, "signal: SIGSEGV (SEGV_MAPERR"), "no signal line:\n%s", t);
	assert_frames(t, x_null.funcs);
	cr_expect(strstr(t, "last syscalls of tid ") &&
			  strstr(t, "--seccomp-bpf=no records every call"),
		  "the report does not say what it did not record:\n%s", t);
	cr_expect(!strstr(t, "about to crash"), "the write did not stop, yet is shown:\n%s", t);
	free(t);
	it_assert_signal_exit(&r, SIGSEGV);
	t = trace_crash("crash_null", NULL, true);
	cr_expect(strstr(t, "\"last_syscalls_complete\":false"), "said complete:\n%s", t);
	free(t);
}

Test(crash, null_store_libunwind)
{
	check_text(&x_null, "--unwinder=libunwind");
}

Test(crash, unmapped_read)
{
	static const struct expect x = {"crash_unmapped",
					"crash_unmapped.c",
					SIGSEGV,
					"signal: SIGSEGV (SEGV_MAPERR",
					"unmapped",
					"read",
					"mov eax, dword ptr [rax]",
					{"peek", "main", NULL}};
	check_crash(&x);
}

Test(crash, stack_overflow)
{
	char *t = trace_crash("crash_stack", NULL, false);

	cr_expect(strstr(t, "likely a stack overflow"), "%s", t);
	/* The walk is cut at the depth limit, and says so; the recursion is collapsed. */
	cr_expect(strstr(t, " > (stack truncated: more than 256 frames)\n"), "%s", t);
	cr_expect(strstr(t, "(the frame above repeats 25"), "recursion not collapsed:\n%s", t);
	cr_expect(strstr(t, "(recurse+0x"), "%s", t);
	it_assert_signal_exit(&r, SIGSEGV);
	free(t);
	t = trace_crash("crash_stack", NULL, true);
	cr_expect(strstr(t, "\"class\":\"stack_guard_gap\""), "%s", t);
	cr_expect(strstr(t, "\"stack_truncated\":"), "%s", t);
	free(t);
}

Test(crash, assert_abort)
{
	static const struct expect x = {"crash_abort", "crash_abort.c",
					SIGABRT,       "signal: SIGABRT (SI_TKILL",
					"no_address",  NULL,
					NULL,	       {"abort", "check", "main", NULL}};
	check_crash(&x);
	/* The assert's own message is a decoded write, not raw words. */
	char *t = trace_crash("crash_abort", NULL, false);
	cr_expect(strstr(section(t, "last syscalls of tid "), "  write(2, \"crash_abort: "),
		  "the assert message is not shown as text:\n%s", t);
	free(t);
}

Test(crash, divide_by_zero)
{
	static const struct expect x = {
		"crash_fpe", "crash_fpe.c", SIGFPE, "signal: SIGFPE (FPE_INTDIV",
		"mapped",    NULL,	    "idiv", {"divide", "main", NULL}};
	check_crash(&x);
}

Test(crash, illegal_instruction)
{
	static const struct expect x = {
		"crash_ill", "crash_ill.c", SIGILL, "signal: SIGILL (ILL_ILLOPN",
		"mapped",    NULL,	    "ud2",  {"bad", "main", NULL}};
	check_crash(&x);
}

Test(crash, sigbus_truncated_file)
{
	static const struct expect x = {
		"crash_bus", "crash_bus.c", SIGBUS,  "signal: SIGBUS (BUS_ADRERR",
		"mapped",    "read",	    "movzx", {"touch", "main", NULL}};
	check_crash(&x);
}

Test(crash, in_shared_library)
{
	static const struct expect x = {"crash_lib",
					"crash_libsrc.c",
					SIGSEGV,
					"signal: SIGSEGV (SEGV_MAPERR",
					"null_page",
					"write",
					"mov dword ptr [rax], edx",
					{"lib_inner", "crashlib_store", "main", NULL}};
	check_crash(&x);
}

/* The child's report names the child; the parent sees it killed and exits 100 + 11. */
Test(crash, in_child_process)
{
	char want[160];
	char *t = trace_crash("crash_child", NULL, false);
	static const char *const funcs[] = {"child_work", "main", NULL};

	cr_expect(strstr(t, "signal: SIGSEGV (SEGV_MAPERR"), "%s", t);
	assert_frames(t, funcs);
	snprintf(want, sizeof(want), "crash_child.c:%u\n",
		 it_marker_line("crash_child.c", "CRASH-LINE"));
	cr_expect(strstr(t, want), "%s", t);
	cr_expect(
		strstr(section(t, "last syscalls of tid "), "write(1, \"about to crash\\n\", 15)"),
		"%s", t);
	/* The report is the child's: its pid is not the launched one's. */
	char *pid_line = strstr(t, "=== ptrc crash report: pid ");
	cr_assert(pid_line);
	int pid = 0, tid = 0;
	sscanf(pid_line, "=== ptrc crash report: pid %d, tid %d", &pid, &tid);
	cr_expect(pid > 0 && pid == tid, "%s", pid_line);
	cr_expect(strstr(t, "+++ killed by SIGSEGV"), "%s", t);
	it_assert_exit(&r, 100 + SIGSEGV);
	free(t);
}

/* A thread's report names the thread and its own last calls. */
Test(crash, in_thread)
{
	char *t = trace_crash("crash_thread", NULL, false);
	static const char *const funcs[] = {"thread_work", "thread_main", NULL};

	char *head = strstr(t, "=== ptrc crash report: pid ");
	cr_assert(head, "%s", t);
	int pid = 0, tid = 0;
	sscanf(head, "=== ptrc crash report: pid %d, tid %d", &pid, &tid);
	cr_expect(pid > 0 && tid != pid, "the report names the thread: %.80s", head);
	assert_frames(t, funcs);
	char want[64];
	snprintf(want, sizeof(want), "last syscalls of tid %d", tid);
	cr_expect(strstr(section(t, want), "write(1, \"about to crash\\n\", 15) = 15"), "%s", t);
	it_assert_signal_exit(&r, SIGSEGV);
	free(t);
}

Test(crash, stripped_binary)
{
	char *t = trace_crash("crash_stripped", NULL, false);

	/* No symbol and no line: module + offset only; no source. */
	cr_expect(strstr(t, "crash_stripped() [0x"), "no module+offset frame:\n%s", t);
	cr_expect(!strstr(t, "source: "), "%s", t);
	const char *mark = strstr(t, "\n=> 0x");
	cr_expect(mark && strstr(mark, "mov dword ptr [rax], 0x2a"), "%s", t);
	it_assert_signal_exit(&r, SIGSEGV);
	free(t);
}

Test(crash, cxx_demangled)
{
	char *t;
	static const char *const funcs[] = {"shapes::Box<int>::fill(int)",
					    "shapes::pack(shapes::Box<int>&, int)", "main", NULL};

	if (!it_read_file(it_prog("crash_cxx")))
		cr_skip_test("no C++ compiler: crash_cxx was not built");
	t = trace_crash("crash_cxx", NULL, false);
	assert_frames(t, funcs);
	char want[64];
	snprintf(want, sizeof(want), "crash_cxx.cc:%u\n",
		 it_marker_line("crash_cxx.cc", "CRASH-LINE"));
	cr_expect(strstr(t, want), "%s", t);
	free(t);
}

/* A SIGSEGV the program handles is no crash: no report, the program goes on. */
Test(crash, handled_signal_no_report)
{
	char *t = trace_crash("crash_handled", NULL, false);

	cr_expect(!strstr(t, "crash report"), "a handled SIGSEGV was reported:\n%s", t);
	it_assert_exit(&r, 0);
	free(t);
}
