/* A task's attributes that strace decodes as structs and named bits: capabilities (capget,
 * capset), its execution domain (personality), its CPU (getcpu), its scheduling attributes
 * (sched_getattr, sched_setattr) and the clock's (adjtimex, clock_adjtime: read only).
 *   tp_attrs basic   run with the default options
 * Nothing is changed: capset targets another process or a version the kernel refuses,
 * sched_setattr keeps the policy and nice value the task has, adjtimex only reads.
 */
#include "expect.h"

#include <errno.h>
#include <linux/capability.h>
#include <linux/sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

static pid_t me;

/* struct sched_attr (<linux/sched/types.h> clashes with <sched.h>'s struct sched_param). */
struct tp_sched_attr {
	uint32_t size, sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime, sched_deadline, sched_period;
	uint32_t sched_util_min, sched_util_max;
};

static void caps(void)
{
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];
	long n;

	n = syscall(SYS_capget, &h, NULL);
	xp_line(me, "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = %s",
		xp_result(n, false));
	n = syscall(SYS_capget, &h, 0x10);
	xp_line(me, "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x10) = %s",
		xp_result(n, false));
	/* The task's own sets: not stated (they depend on who runs it), strace_compare.py
	 * compares the line with strace's. */
	syscall(SYS_capget, &h, d);
	memset(d, 0, sizeof(d));
	d[0].effective = 1u << CAP_KILL | 1u << CAP_NET_RAW;
	d[1].effective = 1u << (CAP_SYSLOG - 32);
	d[1].permitted = 0x80000000;
	h.pid = getppid();
	n = syscall(SYS_capset, &h, d);
	xp_line(me,
		"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=%d}, "
		"{effective=1<<CAP_KILL|1<<CAP_NET_RAW|1<<CAP_SYSLOG, permitted=0x80000000 /* "
		"CAP_??? */, inheritable=0}) = %s",
		(int)h.pid, xp_result(n, false));
	h.version = 0x12345678;
	h.pid = 0;
	n = syscall(SYS_capset, &h, d);
	xp_line(me,
		"capset({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, "
		"{effective=1<<CAP_KILL|1<<CAP_NET_RAW, permitted=0, inheritable=0}) = %s",
		xp_result(n, false));
}

/* = 0 (PER_LINUX); under setarch -R, 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE). */
static void persona(void)
{
	long n = syscall(SYS_personality, 0xffffffff);
	char note[64];

	if (n == 0)
		snprintf(note, sizeof(note), "0 (PER_LINUX)");
	else if (n == 0x40000)
		snprintf(note, sizeof(note), "0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
	else
		return;
	xp_line(me, "personality(0xffffffff) = %s", note);
	n = syscall(SYS_personality, n);
	xp_line(me, "personality(%s) = %s",
		strchr(note, '|') ? "PER_LINUX|ADDR_NO_RANDOMIZE" : "PER_LINUX", note);
}

static const char *policy_name(uint32_t p)
{
	static const char *const names[] = {"SCHED_OTHER", "SCHED_FIFO", "SCHED_RR",
					    "SCHED_BATCH", NULL,	 "SCHED_IDLE"};
	return p < sizeof(names) / sizeof(names[0]) ? names[p] : NULL;
}

static void sched(void)
{
	struct tp_sched_attr a;
	unsigned cpu = ~0u, node = ~0u;
	char big[64];
	long n;

	n = syscall(SYS_getcpu, &cpu, &node, NULL);
	xp_line(me, "getcpu([%u], [%u], NULL) = %s", cpu, node, xp_result(n, false));
	memset(&a, 0, sizeof(a));
	n = syscall(SYS_sched_getattr, 0, &a, sizeof(a), 0);
	if (n == 0 && a.size == sizeof(a) && policy_name(a.sched_policy) && !a.sched_flags)
		xp_line(me,
			"sched_getattr(0, {size=56, sched_policy=%s, sched_flags=0, sched_nice=%d, "
			"sched_priority=%u, sched_runtime=%llu, sched_deadline=%llu, "
			"sched_period=%llu, sched_util_min=%u, sched_util_max=%u}, 56, 0) = 0",
			policy_name(a.sched_policy), a.sched_nice, a.sched_priority,
			(unsigned long long)a.sched_runtime, (unsigned long long)a.sched_deadline,
			(unsigned long long)a.sched_period, a.sched_util_min, a.sched_util_max);
	/* The policy and nice value it has, kept: changes nothing. */
	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.sched_flags = SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS;
	n = syscall(SYS_sched_setattr, 0, &a, 0);
	xp_line(me,
		"sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_POLICY|"
		"SCHED_FLAG_KEEP_PARAMS, sched_util_min=0, sched_util_max=0}, 0) = %s",
		xp_result(n, false));
	/* Larger than the kernel's, with a byte set past it: E2BIG, and the size it knows. */
	memset(big, 0, sizeof(big));
	memcpy(big, &(uint32_t){sizeof(big)}, sizeof(uint32_t));
	big[60] = 1;
	n = syscall(SYS_sched_setattr, 0, big, 0);
	xp_line(me,
		"sched_setattr(0, {size=64, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, "
		"sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, "
		"sched_util_min=0, sched_util_max=0, ...} => {size=%u}, 0) = %s",
		*(uint32_t *)big, xp_result(n, false));
	memcpy(big, &(uint32_t){10}, sizeof(uint32_t));
	n = syscall(SYS_sched_setattr, 0, big, 0);
	xp_line(me, "sched_setattr(0, {size=10} => {size=%u}, 0) = %s", *(uint32_t *)big,
		xp_result(n, false));
	n = syscall(SYS_sched_setattr, 0, NULL, 0);
	xp_line(me, "sched_setattr(0, NULL, 0) = %s", xp_result(n, false));
}

/* The clock's status word, as strace names its bits. */
static void status_text(char *b, size_t size, int status)
{
	static const char *const names[] = {
		"STA_PLL",	 "STA_PPSFREQ",	  "STA_PPSTIME",   "STA_FLL",
		"STA_INS",	 "STA_DEL",	  "STA_UNSYNC",	   "STA_FREQHOLD",
		"STA_PPSSIGNAL", "STA_PPSJITTER", "STA_PPSWANDER", "STA_PPSERROR",
		"STA_CLOCKERR",	 "STA_NANO",	  "STA_MODE",	   "STA_CLK"};
	size_t len = 0;

	b[0] = '\0';
	for (unsigned i = 0; i < 16; i++)
		if (status & (1 << i))
			len += (size_t)snprintf(b + len, size - len, "%s%s", len ? "|" : "",
						names[i]);
	if (!len)
		snprintf(b, size, "0");
}

static void timex_line(const char *call, const char *modes, const struct timex *t, long n)
{
	static const char *const states[] = {"TIME_OK",	 "TIME_INS",  "TIME_DEL",
					     "TIME_OOP", "TIME_WAIT", "TIME_ERROR"};
	char status[256];

	if (n < 0 || n > 5)
		return;
	status_text(status, sizeof(status), t->status);
	xp_line(me,
		"%s{modes=%s, offset=%ld, freq=%ld, maxerror=%ld, esterror=%ld, status=%s, "
		"constant=%ld, precision=%ld, tolerance=%ld, time={tv_sec=%lld, tv_usec=%llu}, "
		"tick=%ld, ppsfreq=%ld, jitter=%ld, shift=%d, stabil=%ld, jitcnt=%ld, calcnt=%ld, "
		"errcnt=%ld, stbcnt=%ld, tai=%d}) = %ld (%s)",
		call, modes, (long)t->offset, (long)t->freq, (long)t->maxerror, (long)t->esterror,
		status, (long)t->constant, (long)t->precision, (long)t->tolerance,
		(long long)t->time.tv_sec,
		sizeof(long) == 8 ? (unsigned long long)t->time.tv_usec
				  : (unsigned long long)(uint32_t)t->time.tv_usec,
		(long)t->tick, (long)t->ppsfreq, (long)t->jitter, t->shift, (long)t->stabil,
		(long)t->jitcnt, (long)t->calcnt, (long)t->errcnt, (long)t->stbcnt, t->tai, n,
		states[n]);
}

/* Read only: modes 0, and ADJ_OFFSET_SS_READ. */
static void clock_state(void)
{
	struct timex t;
	long n;

	memset(&t, 0, sizeof(t));
	n = syscall(SYS_adjtimex, &t);
	timex_line("adjtimex(", "0", &t, n);
	memset(&t, 0, sizeof(t));
	t.modes = ADJ_OFFSET_SS_READ;
	n = syscall(SYS_adjtimex, &t);
	timex_line("adjtimex(", "ADJ_OFFSET_SS_READ", &t, n);
	memset(&t, 0, sizeof(t));
	n = syscall(SYS_clock_adjtime, CLOCK_REALTIME, &t);
	timex_line("clock_adjtime(CLOCK_REALTIME, ", "0", &t, n);
	n = syscall(SYS_clock_adjtime, 0x1234, &t);
	xp_line(me, "clock_adjtime(0x1234 /* CLOCK_??? */, %p) = %s", (void *)&t,
		xp_result(n, false));
	n = syscall(SYS_adjtimex, NULL);
	xp_line(me, "adjtimex(NULL) = %s", xp_result(n, false));
}

static int run_basic(void)
{
	caps();
	persona();
	sched();
	clock_state();
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_attrs", argc, argv, modes);
}
