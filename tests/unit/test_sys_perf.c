/*
 * perf_event_open(2)'s struct perf_event_attr against a fake tracee memory: the abbreviated
 * and the -v struct, sizes, config by type, the flags argument.  Every expected line is
 * strace 6.1's for the same bytes (its addresses aside).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/perf_event.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_perf, .init = setup, .fini = teardown);

static struct perf_event_attr attr;

static void attr_setup(uint32_t type, uint32_t size)
{
	memset(&attr, 0, sizeof(attr));
	attr.type = type;
	attr.size = size;
	map(0x1000, &attr, sizeof(attr));
}

/* Every bit set: each shown, and the reserved ones with strace's comment. */
static void all_bits_setup(void)
{
	memset(&attr, 0xff, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.size = sizeof(attr);
	map(0x1000, &attr, sizeof(attr));
}

Test(sys_perf, all_bits)
{
	all_bits_setup();
	cr_expect_str_eq(
		RUN("perf_event_open", -EINVAL, 0x1000, 0, -1, -1, ~0ull),
		"perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, "
		"config=0xffffffffffffffff /* PERF_COUNT_SW_??? */, "
		"sample_freq=18446744073709551615, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID|PER"
		"F_SAMPLE_TIME|PERF_SAMPLE_ADDR|PERF_SAMPLE_READ|PERF_SAMPLE_CALLCHAIN|PERF_SAMPL"
		"E_ID|PERF_SAMPLE_CPU|PERF_SAMPLE_PERIOD|PERF_SAMPLE_STREAM_ID|PERF_SAMPLE_RAW|PE"
		"RF_SAMPLE_BRANCH_STACK|PERF_SAMPLE_REGS_USER|PERF_SAMPLE_STACK_USER|PERF_SAMPLE_"
		"WEIGHT|PERF_SAMPLE_DATA_SRC|PERF_SAMPLE_IDENTIFIER|PERF_SAMPLE_TRANSACTION|PERF_"
		"SAMPLE_REGS_INTR|PERF_SAMPLE_PHYS_ADDR|PERF_SAMPLE_AUX|PERF_SAMPLE_CGROUP|PERF_S"
		"AMPLE_DATA_PAGE_SIZE|PERF_SAMPLE_CODE_PAGE_SIZE|PERF_SAMPLE_WEIGHT_STRUCT|0xffff"
		"fffffe000000, read_format=PERF_FORMAT_TOTAL_TIME_ENABLED|PERF_FORMAT_TOTAL_TIME_"
		"RUNNING|PERF_FORMAT_ID|PERF_FORMAT_GROUP|PERF_FORMAT_LOST|0xffffffffffffffe0, "
		"disabled=1, inherit=1, pinned=1, exclusive=1, exclude_user=1, exclude_kernel=1, "
		"exclude_hv=1, exclude_idle=1, mmap=1, comm=1, freq=1, inherit_stat=1, "
		"enable_on_exec=1, task=1, watermark=1, precise_ip=3 /* must have 0 skid */, "
		"mmap_data=1, sample_id_all=1, exclude_host=1, exclude_guest=1, "
		"exclude_callchain_kernel=1, exclude_callchain_user=1, mmap2=1, comm_exec=1, "
		"use_clockid=1, context_switch=1, write_backward=1, namespaces=1, ksymbol=1, "
		"bpf_event=1, aux_output=1, cgroup=1, text_poke=1, build_id=1, inherit_thread=1, "
		"remove_on_exec=1, sigtrap=1, __reserved_1=0x3ffffff /* Bits 63..38 */, ...}, 0, "
		"-1, -1, PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_PID_CGROUP|PERF_FLAG"
		"_FD_CLOEXEC|0xfffffffffffffff0) = -1 EINVAL (Invalid argument)");
}

/* -v: the fields of every version too, and the reserved bytes not 0 in comments. */
Test(sys_perf, all_bits_verbose)
{
	all_bits_setup();
	opts.verbose = true;
	cr_expect_str_eq(
		RUN("perf_event_open", -EINVAL, 0x1000, 0, -1, -1, ~0ull),
		"perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, "
		"config=0xffffffffffffffff /* PERF_COUNT_SW_??? */, "
		"sample_freq=18446744073709551615, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID|PER"
		"F_SAMPLE_TIME|PERF_SAMPLE_ADDR|PERF_SAMPLE_READ|PERF_SAMPLE_CALLCHAIN|PERF_SAMPL"
		"E_ID|PERF_SAMPLE_CPU|PERF_SAMPLE_PERIOD|PERF_SAMPLE_STREAM_ID|PERF_SAMPLE_RAW|PE"
		"RF_SAMPLE_BRANCH_STACK|PERF_SAMPLE_REGS_USER|PERF_SAMPLE_STACK_USER|PERF_SAMPLE_"
		"WEIGHT|PERF_SAMPLE_DATA_SRC|PERF_SAMPLE_IDENTIFIER|PERF_SAMPLE_TRANSACTION|PERF_"
		"SAMPLE_REGS_INTR|PERF_SAMPLE_PHYS_ADDR|PERF_SAMPLE_AUX|PERF_SAMPLE_CGROUP|PERF_S"
		"AMPLE_DATA_PAGE_SIZE|PERF_SAMPLE_CODE_PAGE_SIZE|PERF_SAMPLE_WEIGHT_STRUCT|0xffff"
		"fffffe000000, read_format=PERF_FORMAT_TOTAL_TIME_ENABLED|PERF_FORMAT_TOTAL_TIME_"
		"RUNNING|PERF_FORMAT_ID|PERF_FORMAT_GROUP|PERF_FORMAT_LOST|0xffffffffffffffe0, "
		"disabled=1, inherit=1, pinned=1, exclusive=1, exclude_user=1, exclude_kernel=1, "
		"exclude_hv=1, exclude_idle=1, mmap=1, comm=1, freq=1, inherit_stat=1, "
		"enable_on_exec=1, task=1, watermark=1, precise_ip=3 /* must have 0 skid */, "
		"mmap_data=1, sample_id_all=1, exclude_host=1, exclude_guest=1, "
		"exclude_callchain_kernel=1, exclude_callchain_user=1, mmap2=1, comm_exec=1, "
		"use_clockid=1, context_switch=1, write_backward=1, namespaces=1, ksymbol=1, "
		"bpf_event=1, aux_output=1, cgroup=1, text_poke=1, build_id=1, inherit_thread=1, "
		"remove_on_exec=1, sigtrap=1, __reserved_1=0x3ffffff /* Bits 63..38 */, "
		"wakeup_watermark=4294967295, config1=0xffffffffffffffff, "
		"config2=0xffffffffffffffff, branch_sample_type=PERF_SAMPLE_BRANCH_USER|PERF_SAMP"
		"LE_BRANCH_KERNEL|PERF_SAMPLE_BRANCH_HV|PERF_SAMPLE_BRANCH_ANY|PERF_SAMPLE_BRANCH"
		"_ANY_CALL|PERF_SAMPLE_BRANCH_ANY_RETURN|PERF_SAMPLE_BRANCH_IND_CALL|PERF_SAMPLE_"
		"BRANCH_ABORT_TX|PERF_SAMPLE_BRANCH_IN_TX|PERF_SAMPLE_BRANCH_NO_TX|PERF_SAMPLE_BR"
		"ANCH_COND|PERF_SAMPLE_BRANCH_CALL_STACK|PERF_SAMPLE_BRANCH_IND_JUMP|PERF_SAMPLE_"
		"BRANCH_CALL|PERF_SAMPLE_BRANCH_NO_FLAGS|PERF_SAMPLE_BRANCH_NO_CYCLES|PERF_SAMPLE"
		"_BRANCH_TYPE_SAVE|PERF_SAMPLE_BRANCH_HW_INDEX|PERF_SAMPLE_BRANCH_PRIV_SAVE|0xfff"
		"ffffffff80000, sample_regs_user=0xffffffffffffffff, "
		"sample_stack_user=0xffffffff, clockid=0xffffffff /* CLOCK_??? */, "
		"sample_regs_intr=0xffffffffffffffff, aux_watermark=4294967295, "
		"sample_max_stack=65535 /* bytes 110..111: 0xffff */, aux_sample_size=4294967295 "
		"/* bytes 116..119: 0xffffffff */, sig_data=0xffffffffffffffff}, 0, -1, -1, PERF_"
		"FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_PID_CGROUP|PERF_FLAG_FD_CLOEXEC|0"
		"xfffffffffffffff0) = -1 EINVAL (Invalid argument)");
}

/* Abbreviated: the bits set and precise_ip; -v: all of them and the version's fields. */
Test(sys_perf, abbreviated_and_verbose)
{
	attr_setup(PERF_TYPE_HARDWARE, PERF_ATTR_SIZE_VER0);
	attr.config = PERF_COUNT_HW_CPU_CYCLES;
	attr.sample_period = 1000;
	attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	attr.read_format = PERF_FORMAT_ID;
	attr.disabled = 1;
	attr.exclude_kernel = 1;
	attr.precise_ip = 2;
	attr.wakeup_events = 3;
	cr_expect_str_eq(
		RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, PERF_FLAG_FD_CLOEXEC),
		"perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER0, "
		"config=PERF_COUNT_HW_CPU_CYCLES, sample_period=1000, "
		"sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=PERF_FORMAT_ID, "
		"disabled=1, exclude_kernel=1, precise_ip=2 /* requested to have 0 skid */, ...}, "
		"0, -1, -1, PERF_FLAG_FD_CLOEXEC) = -1 ENOENT (No such file or directory)");
	opts.verbose = true;
	cr_expect_str_eq(
		RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, PERF_FLAG_FD_CLOEXEC),
		"perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER0, "
		"config=PERF_COUNT_HW_CPU_CYCLES, sample_period=1000, "
		"sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=PERF_FORMAT_ID, "
		"disabled=1, inherit=0, pinned=0, exclusive=0, exclude_user=0, exclude_kernel=1, "
		"exclude_hv=0, exclude_idle=0, mmap=0, comm=0, freq=0, inherit_stat=0, "
		"enable_on_exec=0, task=0, watermark=0, precise_ip=2 /* requested to have 0 skid "
		"*/, mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, "
		"exclude_callchain_kernel=0, exclude_callchain_user=0, mmap2=0, comm_exec=0, "
		"use_clockid=0, context_switch=0, write_backward=0, namespaces=0, ksymbol=0, "
		"bpf_event=0, aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, "
		"remove_on_exec=0, sigtrap=0, wakeup_events=3, config1=0}, 0, -1, -1, "
		"PERF_FLAG_FD_CLOEXEC) = -1 ENOENT (No such file or directory)");
}

/* Size 0 is the first version's; below it, the address; above the last, ", ..." (-v). */
Test(sys_perf, sizes_and_pointers)
{
	attr_setup(PERF_TYPE_TRACEPOINT, 0);
	attr.config = 5;
	attr.freq = 1;
	attr.sample_freq = 4000;
	cr_expect_str_eq(RUN("perf_event_open", 4, 0x1000, 0, -1, -1, 0),
			 "perf_event_open({type=PERF_TYPE_TRACEPOINT, size=0 /* "
			 "PERF_ATTR_SIZE_??? */, config=5, sample_freq=4000, sample_type=0, "
			 "read_format=0, freq=1, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, "
			 "-1, 0) = 4");
	attr.size = 12;
	cr_expect_str_eq(RUN("perf_event_open", -E2BIG, 0x1000, 0, -1, -1, 0),
			 "perf_event_open(0x1000, 0, -1, -1, 0) = -1 E2BIG (Argument list too "
			 "long)");
	cr_expect_str_eq(RUN("perf_event_open", -EFAULT, 0, 0, -1, -1, 0),
			 "perf_event_open(NULL, 0, -1, -1, 0) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("perf_event_open", -EFAULT, 1, 0, -1, -1, 0),
			 "perf_event_open(0x1, 0, -1, -1, 0) = -1 EFAULT (Bad address)");
	static uint8_t big[200];
	memset(big, 0, sizeof(big));
	struct perf_event_attr *b = (struct perf_event_attr *)big;
	b->type = PERF_TYPE_SOFTWARE;
	b->size = sizeof(big);
	map(0x2000, big, sizeof(big));
	opts.verbose = true;
	cr_expect_str_eq(
		RUN("perf_event_open", 5, 0x2000, 0, -1, -1, 0),
		"perf_event_open({type=PERF_TYPE_SOFTWARE, size=0xc8 /* PERF_ATTR_SIZE_??? */, "
		"config=PERF_COUNT_SW_CPU_CLOCK, sample_period=0, sample_type=0, read_format=0, "
		"disabled=0, inherit=0, pinned=0, exclusive=0, exclude_user=0, exclude_kernel=0, "
		"exclude_hv=0, exclude_idle=0, mmap=0, comm=0, freq=0, inherit_stat=0, "
		"enable_on_exec=0, task=0, watermark=0, precise_ip=0 /* arbitrary skid */, "
		"mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, "
		"exclude_callchain_kernel=0, exclude_callchain_user=0, mmap2=0, comm_exec=0, "
		"use_clockid=0, context_switch=0, write_backward=0, namespaces=0, ksymbol=0, "
		"bpf_event=0, aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, "
		"remove_on_exec=0, sigtrap=0, wakeup_events=0, config1=0, config2=0, "
		"sample_regs_user=0, sample_regs_intr=0, aux_watermark=0, sample_max_stack=0, "
		"aux_sample_size=0, sig_data=0, ...}, 0, -1, -1, 0) = 5");
}

/* A cache event's parts, each in its own style under -X; the bits above them. */
Test(sys_perf, cache_config_styles)
{
	attr_setup(PERF_TYPE_HW_CACHE, PERF_ATTR_SIZE_VER0);
	attr.config = 0x1234567;
	cr_expect_str_eq(RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, 0),
			 "perf_event_open({type=PERF_TYPE_HW_CACHE, size=PERF_ATTR_SIZE_VER0, "
			 "config=0x1<<24|0x23 /* PERF_COUNT_HW_CACHE_RESULT_??? */<<16|0x45 /* "
			 "PERF_COUNT_HW_CACHE_OP_??? */<<8|0x67 /* PERF_COUNT_HW_CACHE_??? */, "
			 "sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary "
			 "skid */, ...}, 0, -1, -1, 0) = -1 ENOENT (No such file or directory)");
	attr.config = 0x1000000 | 0x0201;
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, 0),
			 "perf_event_open({type=0x3, size=0x40, config=0x1<<24|0<<16|0x2<<8|0x1, "
			 "sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary "
			 "skid */, ...}, 0, -1, -1, 0) = -1 ENOENT (No such file or directory)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, 0),
		"perf_event_open({type=0x3 /* PERF_TYPE_HW_CACHE */, size=0x40 /* "
		"PERF_ATTR_SIZE_VER0 */, config=0x1<<24|0 /* PERF_COUNT_HW_CACHE_RESULT_ACCESS "
		"*/<<16|0x2 /* PERF_COUNT_HW_CACHE_OP_PREFETCH */<<8|0x1 /* "
		"PERF_COUNT_HW_CACHE_L1I */, sample_period=0, sample_type=0, read_format=0, "
		"precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, 0) = -1 ENOENT (No such file "
		"or directory)");
}

/* config by type; a flag no name covers; the same struct from an i386 tracee. */
Test(sys_perf, config_by_type_i386)
{
	harness_abi = ABI_I386;
	attr_setup(PERF_TYPE_HARDWARE, PERF_ATTR_SIZE_VER0);
	attr.config = 0x100000000ULL | PERF_COUNT_HW_INSTRUCTIONS;
	cr_expect_str_eq(RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, 0),
			 "perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER0, "
			 "config=0x1<<32|PERF_COUNT_HW_INSTRUCTIONS, sample_period=0, "
			 "sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, "
			 "0, -1, -1, 0) = -1 ENOENT (No such file or directory)");
	attr.type = PERF_TYPE_TRACEPOINT;
	attr.config = 0x1234;
	cr_expect_str_eq(RUN("perf_event_open", -ENOENT, 0x1000, 0, -1, -1, 0),
			 "perf_event_open({type=PERF_TYPE_TRACEPOINT, size=PERF_ATTR_SIZE_VER0, "
			 "config=4660, sample_period=0, sample_type=0, read_format=0, precise_ip=0 "
			 "/* arbitrary skid */, ...}, 0, -1, -1, 0) = -1 ENOENT (No such file or "
			 "directory)");
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_CGROUP_SWITCHES;
	attr.precise_ip = 1;
	attr.watermark = 1;
	cr_expect_str_eq(RUN("perf_event_open", -ENOENT, 0x1000, 1, -1, -1, 0x10),
			 "perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER0, "
			 "config=PERF_COUNT_SW_CGROUP_SWITCHES, sample_period=0, sample_type=0, "
			 "read_format=0, watermark=1, precise_ip=1 /* constant skid */, ...}, 1, "
			 "-1, -1, 0x10 /* PERF_FLAG_??? */) = -1 ENOENT (No such file or "
			 "directory)");
	harness_abi = ABI_X86_64;
}
