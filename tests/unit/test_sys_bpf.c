/*
 * bpf(2) against a fake tracee memory: the command's union bpf_attr member up to the size
 * the call gives, the rest checked for zeros, and the address where strace 6.1 shows it.
 * Every expected line is strace 6.1's for the same bytes (its addresses aside).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/bpf.h>
#include <stddef.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_bpf, .init = setup, .fini = teardown);

/* The union's 32-bit words numbered 1, 2, 3...: each field says which word it is. */
static uint32_t words[1024];

static void words_setup(void)
{
	for (unsigned i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		words[i] = i < sizeof(union bpf_attr) / 4 ? i + 1 : 0;
	map(0x1000, words, sizeof(words));
}

/* Fields up to the size: what it leaves out reads as 0; a group shows once it starts. */
Test(sys_bpf, map_create_by_size)
{
	words_setup();
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x1000, 1),
			 "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=0, "
			 "value_size=0, max_entries=0}, 1) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("bpf", 4, BPF_MAP_CREATE, 0x1000, 20),
			 "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=2, "
			 "value_size=3, max_entries=4, "
			 "map_flags=BPF_F_NO_PREALLOC|BPF_F_NUMA_NODE}, 20) = 4");
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x1000, 32),
			 "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=2, "
			 "value_size=3, max_entries=4, "
			 "map_flags=BPF_F_NO_PREALLOC|BPF_F_NUMA_NODE, inner_map_fd=6, "
			 "numa_node=7, map_name=\"\\10\"}, 32) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(
		RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x1000, 68),
		"bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=2, value_size=3, "
		"max_entries=4, map_flags=BPF_F_NO_PREALLOC|BPF_F_NUMA_NODE, inner_map_fd=6, "
		"numa_node=7, map_name=\"\\10\", map_ifindex=12, btf_fd=13, btf_key_type_id=14, "
		"btf_value_type_id=15, btf_vmlinux_value_type_id=16, map_extra=17}, 68) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(
		RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x1000, 144),
		"bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=2, value_size=3, "
		"max_entries=4, map_flags=BPF_F_NO_PREALLOC|BPF_F_NUMA_NODE, inner_map_fd=6, "
		"numa_node=7, map_name=\"\\10\", map_ifindex=12, btf_fd=13, btf_key_type_id=14, "
		"btf_value_type_id=15, btf_vmlinux_value_type_id=16, map_extra=77309411345, "
		"...}, 144) = -1 EINVAL (Invalid argument)");
}

static union bpf_attr attr;
static uint8_t page[8192];

static void attr_setup(void)
{
	memset(&attr, 0, sizeof(attr));
	map(0x2000, &attr, sizeof(attr));
}

/* A rest of zeros is not shown, however large; one byte that is not 0 is ", ...". */
Test(sys_bpf, rest_of_the_union)
{
	memset(page, 0, sizeof(page));
	union bpf_attr *a = (union bpf_attr *)page;
	a->map_fd = 1;
	map(0x4000, page, sizeof(page));
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_FREEZE, 0x4000, 4096),
			 "bpf(BPF_MAP_FREEZE, {map_fd=1}, 4096) = -1 EINVAL (Invalid argument)");
	page[4095] = 1;
	cr_expect_str_eq(RUN("bpf", -E2BIG, BPF_MAP_FREEZE, 0x4000, 4096),
			 "bpf(BPF_MAP_FREEZE, {map_fd=1, ...}, 4096) = -1 E2BIG (Argument list "
			 "too long)");
	/* More than a page, or a size that runs past readable memory: the address. */
	cr_expect_str_eq(RUN("bpf", -E2BIG, BPF_MAP_FREEZE, 0x4000, 4097),
			 "bpf(BPF_MAP_FREEZE, 0x4000, 4097) = -1 E2BIG (Argument list too long)");
	cr_expect_str_eq(RUN("bpf", -EFAULT, BPF_MAP_FREEZE, 0x4000 + 8192 - 4, 8),
			 "bpf(BPF_MAP_FREEZE, 0x5ffc, 8) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x4000, 0),
			 "bpf(BPF_MAP_CREATE, 0x4000, 0) = -1 EINVAL (Invalid argument)");
}

Test(sys_bpf, null_wild_and_unknown)
{
	attr_setup();
	cr_expect_str_eq(RUN("bpf", -EFAULT, BPF_MAP_CREATE, 0, 144),
			 "bpf(BPF_MAP_CREATE, NULL, 144) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("bpf", -EFAULT, BPF_MAP_CREATE, 1, 144),
			 "bpf(BPF_MAP_CREATE, 0x1, 144) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, 0xdead, 0x2000, 144),
			 "bpf(0xdead /* BPF_??? */, 0x2000, 144) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, 0xdead, 0, 0),
			 "bpf(0xdead /* BPF_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
	/* Commands strace 6.1 names but does not decode. */
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_PROG_BIND_MAP, 0x2000, 144),
			 "bpf(BPF_PROG_BIND_MAP, 0x2000, 144) = -1 EINVAL (Invalid argument)");
}

Test(sys_bpf, map_name_and_raw_styles)
{
	attr_setup();
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	memset(attr.map_name, 'a', sizeof(attr.map_name));
	cr_expect_str_eq(
		RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x2000, 72),
		"bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=0, value_size=0, "
		"max_entries=0, map_flags=0, inner_map_fd=0, map_name=\"aaaaaaaaaaaaaaa\"..., "
		"map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, "
		"btf_vmlinux_value_type_id=0, map_extra=0}, 72) = -1 EINVAL (Invalid argument)");
	memset(attr.map_name, 0, sizeof(attr.map_name));
	memcpy(attr.map_name, "a\1b", 3);
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(
		RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x2000, 72),
		"bpf(0, {map_type=0x2, key_size=0, value_size=0, max_entries=0, map_flags=0, "
		"inner_map_fd=0, map_name=\"a\\1b\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, "
		"btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = -1 EINVAL "
		"(Invalid argument)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_CREATE, 0x2000, 16),
			 "bpf(0 /* BPF_MAP_CREATE */, {map_type=0x2 /* BPF_MAP_TYPE_ARRAY */, "
			 "key_size=0, value_size=0, max_entries=0}, 16) = -1 EINVAL (Invalid "
			 "argument)");
}

Test(sys_bpf, prog_load)
{
	static const char license[] = "GPL", log[8] = "log";
	map(0x3000, license, sizeof(license));
	map(0x3100, log, sizeof(log));
	attr_setup();
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insn_cnt = 2;
	attr.insns = 0x3200;
	attr.license = 0x3000;
	attr.log_size = 2;
	attr.log_buf = 0x3100;
	attr.kern_version = 0x6012c;
	memcpy(attr.prog_name, "p1", 2);
	cr_expect_str_eq(
		RUN("bpf", 7, BPF_PROG_LOAD, 0x2000, 144),
		"bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, "
		"insns=0x3200, license=\"GPL\", log_level=0, log_size=2, log_buf=\"lo\"..., "
		"kern_version=KERNEL_VERSION(6, 1, 44), prog_flags=0, prog_name=\"p1\", "
		"prog_ifindex=0, expected_attach_type=BPF_CGROUP_INET_INGRESS, prog_btf_fd=0, "
		"func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0, "
		"line_info=NULL, line_info_cnt=0, attach_btf_id=0, attach_prog_fd=0, "
		"fd_array=NULL}, 144) = 7");
	attr.prog_flags = 0x40;
	attr.kern_version = 0x60100;
	cr_expect_str_eq(RUN("bpf", -E2BIG, BPF_PROG_LOAD, 0x2000, 48),
			 "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, "
			 "insns=0x3200, license=\"GPL\", log_level=0, log_size=2, "
			 "log_buf=\"lo\"..., kern_version=KERNEL_VERSION(6, 1, 0), "
			 "prog_flags=0x40 /* BPF_F_??? */}, 48) = -1 E2BIG (Argument list too "
			 "long)");
	harness_xstyle = CONST_VERBOSE;
	attr.prog_type = 0;
	attr.insn_cnt = 0;
	attr.insns = attr.license = attr.log_buf = attr.log_size = 0;
	attr.prog_flags = 0;
	cr_expect_str_eq(RUN("bpf", -E2BIG, BPF_PROG_LOAD, 0x2000, 48),
			 "bpf(0x5 /* BPF_PROG_LOAD */, {prog_type=0 /* BPF_PROG_TYPE_UNSPEC */, "
			 "insn_cnt=0, insns=NULL, license=NULL, log_level=0, log_size=0, "
			 "log_buf=NULL, kern_version=0x60100 /* KERNEL_VERSION(6, 1, 0) */, "
			 "prog_flags=0}, 48) = -1 E2BIG (Argument list too long)");
}

/* The members strace shows inside a named one: test={...}, with ", ..." outside it. */
Test(sys_bpf, nested_members)
{
	words_setup();
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_PROG_TEST_RUN, 0x1000, 40),
			 "bpf(BPF_PROG_TEST_RUN, {test={prog_fd=1, retval=2, data_size_in=3, "
			 "data_size_out=4, data_in=0x600000005, data_out=0x800000007, repeat=9, "
			 "duration=10}}, 40) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_PROG_TEST_RUN, 0x1000, 144),
			 "bpf(BPF_PROG_TEST_RUN, {test={prog_fd=1, retval=2, data_size_in=3, "
			 "data_size_out=4, data_in=0x600000005, data_out=0x800000007, repeat=9, "
			 "duration=10, ctx_size_in=11, ctx_size_out=12, ctx_in=0xe0000000d, "
			 "ctx_out=0x100000000f, flags=BPF_F_TEST_RUN_ON_CPU|0x10, cpu=18, "
			 "batch_size=19}, ...}, 144) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("bpf", -EPERM, BPF_TASK_FD_QUERY, 0x1000, 8),
			 "bpf(BPF_TASK_FD_QUERY, {task_fd_query={pid=1, fd=2, flags=0, buf_len=0, "
			 "buf=NULL, prog_id=0, fd_type=BPF_FD_TYPE_RAW_TRACEPOINT, probe_offset=0, "
			 "probe_addr=0}}, 8) = -1 EPERM (Operation not permitted)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_LOOKUP_ELEM, 0x1000, 144),
			 "bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=1, key=0x400000003, "
			 "value=0x600000005, flags=BPF_F_LOCK|0x800000003, ...}, 144) = -1 "
			 "EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_MAP_UPDATE_ELEM, 0x1000, 144),
			 "bpf(BPF_MAP_UPDATE_ELEM, {map_fd=1, key=0x400000003, "
			 "value=0x600000005, flags=0x800000007 /* BPF_??? */, ...}, 144) = -1 "
			 "EINVAL (Invalid argument)");
}

/* LINK_CREATE's fields after the first four depend on its attach_type. */
Test(sys_bpf, link_create_by_attach_type)
{
	attr_setup();
	attr.link_create.attach_type = BPF_CGROUP_INET_INGRESS;
	attr.link_create.target_btf_id = 7;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_CGROUP_INET_INGRESS, flags=0, target_btf_id=7}}, 144) = "
			 "-1 EINVAL (Invalid argument)");
	attr.link_create.target_btf_id = 0;
	cr_expect_str_eq(
		RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
		"bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
		"attach_type=BPF_CGROUP_INET_INGRESS, flags=0}}, 144) = -1 EINVAL (Invalid "
		"argument)");
	attr.link_create.target_btf_id = 7;
	attr.link_create.attach_type = BPF_TRACE_FENTRY;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_FENTRY, flags=0}, ...}, 144) = -1 EINVAL (Invalid "
			 "argument)");
	words_setup();
	words[offsetof(union bpf_attr, link_create.attach_type) / 4] = BPF_PERF_EVENT;
	cr_expect_str_eq(
		RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x1000, 20),
		"bpf(BPF_LINK_CREATE, {link_create={prog_fd=1, target_fd=2, "
		"attach_type=BPF_PERF_EVENT, flags=0x4, perf_event={bpf_cookie=0x5}}}, 20) "
		"= -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x1000, 28),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=1, target_fd=2, "
			 "attach_type=BPF_PERF_EVENT, flags=0x4, "
			 "perf_event={bpf_cookie=0x600000005}}, ...}, 28) = -1 EINVAL (Invalid "
			 "argument)");
	words[offsetof(union bpf_attr, link_create.attach_type) / 4] = BPF_TRACE_KPROBE_MULTI;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x1000, 40),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=1, target_fd=2, "
			 "attach_type=BPF_TRACE_KPROBE_MULTI, flags=0x4, "
			 "kprobe_multi={flags=BPF_F_KPROBE_MULTI_RETURN|0x4, cnt=6, "
			 "syms=0x800000007, addrs=0xa00000009, cookies=NULL}}}, 40) = -1 EINVAL "
			 "(Invalid argument)");
}

/* LINK_CREATE's arrays: iter_info's map descriptors, kprobe_multi's symbols and numbers. */
Test(sys_bpf, link_create_arrays)
{
	static uint32_t info[16];
	static const char foo[] = "foo", bar[] = "bar";
	static uint64_t syms[2] = {0x3100, 0x3200}, addrs[2] = {0x1000, 0x2000},
			cookies[2] = {1, 2};

	for (unsigned i = 0; i < 16; i++)
		info[i] = i + 5;
	map(0x3000, info, sizeof(info));
	map(0x3100, foo, sizeof(foo));
	map(0x3200, bar, sizeof(bar));
	map(0x3300, syms, sizeof(syms));
	map(0x3400, addrs, sizeof(addrs));
	map(0x3500, cookies, sizeof(cookies));
	attr_setup();
	attr.link_create.attach_type = BPF_TRACE_ITER;
	attr.link_create.iter_info = 0x3000;
	attr.link_create.iter_info_len = 2;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_ITER, flags=0, iter_info=[{map={map_fd=5}}, "
			 "{map={map_fd=6}}], iter_info_len=2}}, 144) = -1 EINVAL (Invalid "
			 "argument)");
	opts.strsize = 1;
	attr.link_create.iter_info_len = 16;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_ITER, flags=0, iter_info=[{map={map_fd=5}}, ...], "
			 "iter_info_len=16}}, 144) = -1 EINVAL (Invalid argument)");
	attr.link_create.iter_info = 1;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_ITER, flags=0, iter_info=0x1, iter_info_len=16}}, "
			 "144) = -1 EINVAL (Invalid argument)");
	memset(&attr, 0, sizeof(attr));
	attr.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
	attr.link_create.kprobe_multi.cnt = 2;
	attr.link_create.kprobe_multi.syms = 0x3300;
	attr.link_create.kprobe_multi.addrs = 0x3400;
	attr.link_create.kprobe_multi.cookies = 0x3500;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_KPROBE_MULTI, flags=0, kprobe_multi={flags=0, "
			 "cnt=2, syms=[\"f\"..., ...], addrs=[0x1000, ...], cookies=[0x1, ...]}}}, "
			 "144) = -1 EINVAL (Invalid argument)");
	opts.strsize = 32;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_KPROBE_MULTI, flags=0, kprobe_multi={flags=0, "
			 "cnt=2, syms=[\"foo\", \"bar\"], addrs=[0x1000, 0x2000], cookies=[0x1, "
			 "0x2]}}}, 144) = -1 EINVAL (Invalid argument)");
	attr.link_create.kprobe_multi.cnt = 0;
	attr.link_create.kprobe_multi.syms = 1;
	cr_expect_str_eq(RUN("bpf", -EINVAL, BPF_LINK_CREATE, 0x2000, 144),
			 "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, "
			 "attach_type=BPF_TRACE_KPROBE_MULTI, flags=0, kprobe_multi={flags=0, "
			 "cnt=0, syms=[], addrs=[], cookies=[]}}}, 144) = -1 EINVAL (Invalid "
			 "argument)");
}

/* The same bytes from an i386 tracee: the union has no layout of its own there. */
Test(sys_bpf, i386_same_union)
{
	harness_abi = ABI_I386;
	words_setup();
	cr_expect_str_eq(RUN("bpf", -ENOENT, BPF_MAP_GET_NEXT_ID, 0x1000, 8),
			 "bpf(BPF_MAP_GET_NEXT_ID, {start_id=1, next_id=2}, 8) = -1 ENOENT (No "
			 "such file or directory)");
	cr_expect_str_eq(RUN("bpf", -EFAULT, BPF_PROG_LOAD, 0x1000, 44),
			 "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, "
			 "insns=0x400000003, license=0x600000005, log_level=7, log_size=8, "
			 "log_buf=0xa00000009, kern_version=KERNEL_VERSION(0, 0, 11)}, 44) = -1 "
			 "EFAULT (Bad address)");
	harness_abi = ABI_X86_64;
}

/* GET_NEXT_ID: the id the kernel wrote, after the one the call came with. */
Test(sys_bpf, next_id_written)
{
	const struct ptrc_abi *abi = abi_by_id(harness_abi);
	struct dctx d = {.mem = &mem, .ar = &ar, .abi = abi, .opt = &opts};
	struct text_opts to = {.xstyle = CONST_ABBREV};
	struct sc_event *ev = &harness_ev;
	uint64_t regs[6] = {BPF_MAP_GET_NEXT_ID, 0x2000, 12};

	attr_setup();
	sys_call_start(ev, abi, nr_of("bpf"), regs, &mem, &ar);
	sys_decode_entry(&d, ev);
	attr.next_id = 32;
	ev->ret = 0;
	ev->exited = true;
	sys_decode_exit(&d, ev);
	strbuf_reset(&out);
	text_args(&out, ev, 0, ev->nargs, &to);
	cr_expect_str_eq(out.buf,
			 "BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=0 => 32, open_flags=0}, 12");
	cr_expect_str_eq(RUN("bpf", -ENOENT, BPF_MAP_GET_NEXT_ID, 0x2000, 12),
			 "bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=32, open_flags=0}, 12) = "
			 "-1 ENOENT (No such file or directory)");
}
