/* perf_event_open(2)'s struct perf_event_attr, as strace 6.1 prints it.
 *   tp_perf basic     run with the default options
 *   tp_perf verbose   run with -v: every bit, and the fields the size covers
 * The events count this process only (its task clock, a write breakpoint); where the kernel
 * refuses them (perf_event_paranoid, no PMU in a VM) the lines state the errors.
 */
#include "expect.h"

#include <errno.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;
static bool verbose;
static struct perf_event_attr a;

static long peo(void *attr, int pid, int cpu, int group, unsigned long flags)
{
	return syscall(SYS_perf_event_open, attr, pid, cpu, group, flags);
}

/* The bits after precise_ip, as -v shows them at 0. */
static const char high_bits_v[] =
	", mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, "
	"exclude_callchain_kernel=0, exclude_callchain_user=0, mmap2=0, comm_exec=0, "
	"use_clockid=0, context_switch=0, write_backward=0, namespaces=0, ksymbol=0, "
	"bpf_event=0, aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, "
	"remove_on_exec=0, sigtrap=0";

/*
 * The flag bits up to and with precise_ip (set: ",name,name," of those set; the others show
 * only under -v, at 0), the bits after it, then vtail under -v or ", ...".
 */
static void bits(char *b, size_t size, const char *set, const char *precise, const char *vtail)
{
	static const char *const names[] = {
		"disabled",	  "inherit",	  "pinned",	    "exclusive", "exclude_user",
		"exclude_kernel", "exclude_hv",	  "exclude_idle",   "mmap",	 "comm",
		"freq",		  "inherit_stat", "enable_on_exec", "task",	 "watermark"};
	size_t len = 0;

	b[0] = '\0';
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char key[32];
		snprintf(key, sizeof(key), ",%s,", names[i]);
		bool on = strstr(set, key) != NULL;
		if (on || verbose)
			len += (size_t)snprintf(b + len, size - len, ", %s=%d", names[i], on);
	}
	snprintf(b + len, size - len, ", precise_ip=%s%s%s", precise, verbose ? high_bits_v : "",
		 verbose ? vtail : ", ...");
}

static void events(void)
{
	char b[1024], tail[256];

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof(a);
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.disabled = 1;
	a.exclude_kernel = 1;
	a.read_format = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_ID;
	long fd = peo(&a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	bits(b, sizeof(b), ",disabled,exclude_kernel,", "0 /* arbitrary skid */",
	     ", wakeup_events=0, config1=0, config2=0, sample_regs_user=0, sample_regs_intr=0, "
	     "aux_watermark=0, sample_max_stack=0, aux_sample_size=0, sig_data=0");
	xp_line(me,
		"perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, "
		"config=PERF_COUNT_SW_TASK_CLOCK, sample_period=0, sample_type=0, "
		"read_format=PERF_FORMAT_TOTAL_TIME_ENABLED|PERF_FORMAT_ID%s}, 0, -1, -1, "
		"PERF_FLAG_FD_CLOEXEC) = %s",
		b, xp_result(fd, false));
	/* A breakpoint on writes to a, in the clock's group; a flag no name covers. */
	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_BREAKPOINT;
	a.size = PERF_ATTR_SIZE_VER1;
	a.bp_type = HW_BREAKPOINT_W;
	a.bp_addr = (uintptr_t)&a;
	a.bp_len = HW_BREAKPOINT_LEN_8;
	a.sample_period = 1;
	a.precise_ip = 2;
	long n = peo(&a, 0, -1, (int)fd, 0x10);
	snprintf(tail, sizeof(tail),
		 ", wakeup_events=0, bp_type=HW_BREAKPOINT_W, bp_addr=%p, bp_len=8", (void *)&a);
	bits(b, sizeof(b), ",", "2 /* requested to have 0 skid */", tail);
	xp_line(me,
		"perf_event_open({type=PERF_TYPE_BREAKPOINT, size=PERF_ATTR_SIZE_VER1, config=0, "
		"sample_period=1, sample_type=0, read_format=0%s}, 0, -1, %ld, 0x10 /* "
		"PERF_FLAG_??? */) = %s",
		b, fd, xp_result(n, false));
	if (fd >= 0)
		close((int)fd);
}

/* Hardware events (none in most VMs), a cache event's parts, a frequency, size 0. */
static void hardware(void)
{
	char b[1024];

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_HW_CACHE;
	a.config = PERF_COUNT_HW_CACHE_LL | PERF_COUNT_HW_CACHE_OP_WRITE << 8 |
		   PERF_COUNT_HW_CACHE_RESULT_MISS << 16;
	a.freq = 1;
	a.sample_freq = 4000;
	a.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	long n = peo(&a, 0, -1, -1, 0);
	bits(b, sizeof(b), ",freq,", "0 /* arbitrary skid */", ", wakeup_events=0, config1=0");
	xp_line(me,
		"perf_event_open({type=PERF_TYPE_HW_CACHE, size=0 /* PERF_ATTR_SIZE_??? */, "
		"config=PERF_COUNT_HW_CACHE_RESULT_MISS<<16|PERF_COUNT_HW_CACHE_OP_WRITE<<8|"
		"PERF_COUNT_HW_CACHE_LL, sample_freq=4000, sample_type=PERF_SAMPLE_IP|"
		"PERF_SAMPLE_TID, read_format=0%s}, 0, -1, -1, 0) = %s",
		b, xp_result(n, false));
	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_HARDWARE;
	a.size = PERF_ATTR_SIZE_VER0;
	a.config = PERF_COUNT_HW_INSTRUCTIONS;
	a.sample_period = 100000;
	a.exclude_hv = 1;
	a.watermark = 1;
	a.wakeup_watermark = 4096;
	n = peo(&a, 0, -1, -1, 0);
	bits(b, sizeof(b), ",exclude_hv,watermark,", "0 /* arbitrary skid */",
	     ", wakeup_watermark=4096, config1=0");
	xp_line(me,
		"perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER0, "
		"config=PERF_COUNT_HW_INSTRUCTIONS, sample_period=100000, sample_type=0, "
		"read_format=0%s}, 0, -1, -1, 0) = %s",
		b, xp_result(n, false));
}

static void refused(void)
{
	long n = peo(NULL, 0, -1, -1, 0);
	xp_line(me, "perf_event_open(NULL, 0, -1, -1, 0) = %s", xp_result(n, false));
	n = peo((void *)1, 0, -1, -1, 0);
	xp_line(me, "perf_event_open(0x1, 0, -1, -1, 0) = %s", xp_result(n, false));
	memset(&a, 0, sizeof(a));
	a.size = 12;
	n = peo(&a, 0, -1, -1, 0);
	xp_line(me, "perf_event_open(%p, 0, -1, -1, 0) = %s", (void *)&a, xp_result(n, false));
}

static int run_basic(void)
{
	events();
	hardware();
	refused();
	return 0;
}

static int run_verbose(void)
{
	verbose = true;
	return run_basic();
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"basic", run_basic}, {"verbose", run_verbose}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_perf", argc, argv, modes);
}
