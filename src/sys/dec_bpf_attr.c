/*
 * What strace 6.1 shows of union bpf_attr for each bpf(2) command: the member's fields in
 * order, with the size each needs to be shown (a field shows when the call's size goes past
 * the first byte of its group; the bytes the size leaves out read as 0), and how each
 * prints.  Offsets and sizes are the header's (offsetof), never typed.
 */
#include <linux/bpf.h>
#include <stddef.h>

#include "dec_bpf.h"
#include "flags.h"

#define OFF(m) offsetof(union bpf_attr, m)
#define SZ(m) sizeof(((union bpf_attr *)0)->m)
#define END(m) (OFF(m) + SZ(m))
/* A field m shown as name, of kind k, in the group that starts at member g. */
#define F(name, m, k, g)                                                                           \
	{                                                                                          \
		name, OFF(m), SZ(m), k, OFF(g), 0, BFC_ALWAYS, NULL, NULL                          \
	}
#define FX(name, m, k, g, tab)                                                                     \
	{                                                                                          \
		name, OFF(m), SZ(m), k, OFF(g), 0, BFC_ALWAYS, &tab, NULL                          \
	}
/* A field whose length is the u32 member len. */
#define FLEN(name, m, k, g, len)                                                                   \
	{                                                                                          \
		name, OFF(m), SZ(m), k, OFF(g), OFF(len), BFC_ALWAYS, NULL, NULL                   \
	}
#define FCOND(name, m, k, g, cond)                                                                 \
	{                                                                                          \
		name, OFF(m), SZ(m), k, OFF(g), 0, cond, NULL, NULL                                \
	}
/* A field shown inside the struct sub, in the group that starts at that struct. */
#define FSUB(sub, name, m, k, tab)                                                                 \
	{                                                                                          \
		name, OFF(m), SZ(m), k, OFF(link_create.sub), 0, BFC_ALWAYS, tab, #sub             \
	}
/* The same, with a length: the u32 member len. */
#define FSUBLEN(sub, name, m, k, len)                                                              \
	{                                                                                          \
		name, OFF(m), SZ(m), k, OFF(link_create.sub), OFF(len), BFC_ALWAYS, NULL, #sub     \
	}
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define CMD(wrap, fields, end)                                                                     \
	{                                                                                          \
		wrap, fields, N(fields), end, false                                                \
	}

static const struct bpf_field map_create[] = {
	FX("map_type", map_type, BF_ENUM, map_type, xl_bpf_map_types),
	F("key_size", key_size, BF_UINT, map_type),
	F("value_size", value_size, BF_UINT, map_type),
	F("max_entries", max_entries, BF_UINT, map_type),
	FX("map_flags", map_flags, BF_FLAGS, map_flags, xl_bpf_map_flags),
	F("inner_map_fd", inner_map_fd, BF_FD, inner_map_fd),
	FCOND("numa_node", numa_node, BF_UINT, numa_node, BFC_NUMA),
	F("map_name", map_name, BF_NAME, map_name),
	F("map_ifindex", map_ifindex, BF_UINT, map_ifindex),
	F("btf_fd", btf_fd, BF_FD, btf_fd),
	F("btf_key_type_id", btf_key_type_id, BF_UINT, btf_fd),
	F("btf_value_type_id", btf_value_type_id, BF_UINT, btf_fd),
	F("btf_vmlinux_value_type_id", btf_vmlinux_value_type_id, BF_UINT,
	  btf_vmlinux_value_type_id),
	F("map_extra", map_extra, BF_UINT, map_extra),
};

/* LOOKUP_ELEM and LOOKUP_AND_DELETE_ELEM; UPDATE_ELEM's flags are one value. */
static const struct bpf_field map_lookup[] = {
	F("map_fd", map_fd, BF_FD, map_fd),
	F("key", key, BF_PTR, map_fd),
	F("value", value, BF_PTR, map_fd),
	FX("flags", flags, BF_FLAGS, flags, xl_bpf_lookup_flags),
};

static const struct bpf_field map_update[] = {
	F("map_fd", map_fd, BF_FD, map_fd),
	F("key", key, BF_PTR, map_fd),
	F("value", value, BF_PTR, map_fd),
	FX("flags", flags, BF_ENUM, map_fd, xl_bpf_update_flags),
};

static const struct bpf_field map_next_key[] = {
	F("map_fd", map_fd, BF_FD, map_fd),
	F("key", key, BF_PTR, map_fd),
	F("next_key", next_key, BF_PTR, map_fd),
};

static const struct bpf_field prog_load[] = {
	FX("prog_type", prog_type, BF_ENUM, prog_type, xl_bpf_prog_types),
	F("insn_cnt", insn_cnt, BF_UINT, prog_type),
	F("insns", insns, BF_PTR, prog_type),
	F("license", license, BF_STR, prog_type),
	F("log_level", log_level, BF_UINT, log_level),
	F("log_size", log_size, BF_UINT, log_level),
	FLEN("log_buf", log_buf, BF_LOGBUF, log_level, log_size),
	F("kern_version", kern_version, BF_KVER, kern_version),
	FX("prog_flags", prog_flags, BF_FLAGS, prog_flags, xl_bpf_prog_flags),
	F("prog_name", prog_name, BF_NAME, prog_name),
	F("prog_ifindex", prog_ifindex, BF_UINT, prog_ifindex),
	FX("expected_attach_type", expected_attach_type, BF_ENUM, expected_attach_type,
	   xl_bpf_attach_types),
	F("prog_btf_fd", prog_btf_fd, BF_FD, prog_btf_fd),
	F("func_info_rec_size", func_info_rec_size, BF_UINT, prog_btf_fd),
	F("func_info", func_info, BF_PTR, prog_btf_fd),
	F("func_info_cnt", func_info_cnt, BF_UINT, prog_btf_fd),
	F("line_info_rec_size", line_info_rec_size, BF_UINT, prog_btf_fd),
	F("line_info", line_info, BF_PTR, prog_btf_fd),
	F("line_info_cnt", line_info_cnt, BF_UINT, prog_btf_fd),
	F("attach_btf_id", attach_btf_id, BF_UINT, attach_btf_id),
	F("attach_prog_fd", attach_prog_fd, BF_FD, attach_prog_fd),
	F("fd_array", fd_array, BF_PTR, fd_array),
};

static const struct bpf_field obj_pin[] = {
	F("pathname", pathname, BF_PATH, pathname),
	F("bpf_fd", bpf_fd, BF_FD, pathname),
	FX("file_flags", file_flags, BF_FLAGS, file_flags, xl_bpf_file_flags),
};

static const struct bpf_field prog_attach[] = {
	F("target_fd", target_fd, BF_FD, target_fd),
	F("attach_bpf_fd", attach_bpf_fd, BF_FD, target_fd),
	FX("attach_type", attach_type, BF_ENUM, target_fd, xl_bpf_attach_types),
	FX("attach_flags", attach_flags, BF_FLAGS, target_fd, xl_bpf_attach_flags),
	F("replace_bpf_fd", replace_bpf_fd, BF_FD, replace_bpf_fd),
};

static const struct bpf_field prog_detach[] = {
	F("target_fd", target_fd, BF_FD, target_fd),
	FX("attach_type", attach_type, BF_ENUM, target_fd, xl_bpf_attach_types),
};

static const struct bpf_field test_run[] = {
	F("prog_fd", test.prog_fd, BF_FD, test),
	F("retval", test.retval, BF_UINT, test),
	F("data_size_in", test.data_size_in, BF_UINT, test),
	F("data_size_out", test.data_size_out, BF_UINT, test),
	F("data_in", test.data_in, BF_PTR, test),
	F("data_out", test.data_out, BF_PTR, test),
	F("repeat", test.repeat, BF_UINT, test),
	F("duration", test.duration, BF_UINT, test),
	F("ctx_size_in", test.ctx_size_in, BF_UINT, test.ctx_size_in),
	F("ctx_size_out", test.ctx_size_out, BF_UINT, test.ctx_size_in),
	F("ctx_in", test.ctx_in, BF_PTR, test.ctx_size_in),
	F("ctx_out", test.ctx_out, BF_PTR, test.ctx_size_in),
	FX("flags", test.flags, BF_FLAGS, test.flags, xl_bpf_test_run_flags),
	F("cpu", test.cpu, BF_UINT, test.flags),
	F("batch_size", test.batch_size, BF_UINT, test.batch_size),
};

static const struct bpf_field get_next_id[] = {
	F("start_id", start_id, BF_UINT, start_id),
	F("next_id", next_id, BF_UINT, start_id),
	FX("open_flags", open_flags, BF_FLAGS, open_flags, xl_bpf_file_flags),
};

static const struct bpf_field prog_get_fd[] = {
	F("prog_id", prog_id, BF_UINT, prog_id),
	F("next_id", next_id, BF_UINT, prog_id),
	FX("open_flags", open_flags, BF_FLAGS, open_flags, xl_bpf_file_flags),
};

static const struct bpf_field map_get_fd[] = {
	F("map_id", map_id, BF_UINT, map_id),
	F("next_id", next_id, BF_UINT, map_id),
	FX("open_flags", open_flags, BF_FLAGS, open_flags, xl_bpf_file_flags),
};

static const struct bpf_field get_info[] = {
	F("bpf_fd", info.bpf_fd, BF_FD, info),
	F("info_len", info.info_len, BF_UINT, info),
	F("info", info.info, BF_PTR, info),
};

static const struct bpf_field prog_query[] = {
	F("target_fd", query.target_fd, BF_FD, query),
	FX("attach_type", query.attach_type, BF_ENUM, query, xl_bpf_attach_types),
	FX("query_flags", query.query_flags, BF_FLAGS, query, xl_bpf_query_flags),
	FX("attach_flags", query.attach_flags, BF_FLAGS, query, xl_bpf_attach_flags),
	FLEN("prog_ids", query.prog_ids, BF_IDS, query, query.prog_cnt),
	F("prog_cnt", query.prog_cnt, BF_UINT, query),
};

static const struct bpf_field raw_tp_open[] = {
	F("name", raw_tracepoint.name, BF_STR, raw_tracepoint),
	F("prog_fd", raw_tracepoint.prog_fd, BF_FD, raw_tracepoint),
};

static const struct bpf_field btf_load[] = {
	FLEN("btf", btf, BF_BUF, btf, btf_size),
	F("btf_log_buf", btf_log_buf, BF_PTR, btf),
	F("btf_size", btf_size, BF_UINT, btf),
	F("btf_log_size", btf_log_size, BF_UINT, btf),
	F("btf_log_level", btf_log_level, BF_UINT, btf),
};

static const struct bpf_field btf_get_fd[] = {F("btf_id", btf_id, BF_UINT, btf_id)};
static const struct bpf_field link_get_fd[] = {F("link_id", link_id, BF_UINT, link_id)};
static const struct bpf_field map_freeze[] = {F("map_fd", map_fd, BF_FD, map_fd)};
static const struct bpf_field map_delete[] = {
	F("map_fd", map_fd, BF_FD, map_fd),
	F("key", key, BF_PTR, map_fd),
};

static const struct bpf_field task_fd_query[] = {
	F("pid", task_fd_query.pid, BF_UINT, task_fd_query),
	F("fd", task_fd_query.fd, BF_FD, task_fd_query),
	F("flags", task_fd_query.flags, BF_UINT, task_fd_query),
	F("buf_len", task_fd_query.buf_len, BF_UINT, task_fd_query),
	FLEN("buf", task_fd_query.buf, BF_LOGBUF, task_fd_query, task_fd_query.buf_len),
	F("prog_id", task_fd_query.prog_id, BF_UINT, task_fd_query),
	FX("fd_type", task_fd_query.fd_type, BF_ENUM, task_fd_query, xl_bpf_fd_types),
	F("probe_offset", task_fd_query.probe_offset, BF_HEX, task_fd_query),
	F("probe_addr", task_fd_query.probe_addr, BF_HEX, task_fd_query),
};

/* The batches: lookups have all fields, an update no in/out batch, a delete no values. */
static const struct bpf_field map_batch[] = {
	F("in_batch", batch.in_batch, BF_PTR, batch),
	F("out_batch", batch.out_batch, BF_PTR, batch),
	F("keys", batch.keys, BF_PTR, batch),
	F("values", batch.values, BF_PTR, batch),
	F("count", batch.count, BF_UINT, batch),
	F("map_fd", batch.map_fd, BF_FD, batch),
	FX("elem_flags", batch.elem_flags, BF_FLAGS, batch, xl_bpf_lookup_flags),
	F("flags", batch.flags, BF_HEX, batch),
};

static const struct bpf_field map_delete_batch[] = {
	F("keys", batch.keys, BF_PTR, batch),
	F("count", batch.count, BF_UINT, batch),
	F("map_fd", batch.map_fd, BF_FD, batch),
	FX("elem_flags", batch.elem_flags, BF_FLAGS, batch, xl_bpf_lookup_flags),
	F("flags", batch.flags, BF_HEX, batch),
};

/* The first four fields; then, for the attach types strace 6.1 decodes, their own. */
#define LINK_CREATE_HEAD                                                                           \
	F("prog_fd", link_create.prog_fd, BF_FD, link_create),                                     \
		F("target_fd", link_create.target_fd, BF_FD, link_create),                         \
		FX("attach_type", link_create.attach_type, BF_ENUM, link_create,                   \
		   xl_bpf_attach_types),                                                           \
		F("flags", link_create.flags, BF_HEX, link_create)

static const struct bpf_field link_create[] = {LINK_CREATE_HEAD};

/* strace 6.1 shows target_btf_id for BPF_CGROUP_INET_INGRESS (0) only, and not when 0. */
static const struct bpf_field link_create_btf[] = {
	LINK_CREATE_HEAD,
	FCOND("target_btf_id", link_create.target_btf_id, BF_UINT, link_create.target_btf_id,
	      BFC_NONZERO),
};

static const struct bpf_field link_create_perf[] = {
	LINK_CREATE_HEAD,
	FSUB(perf_event, "bpf_cookie", link_create.perf_event.bpf_cookie, BF_HEX, NULL),
};

static const struct bpf_field link_create_kprobes[] = {
	LINK_CREATE_HEAD,
	FSUB(kprobe_multi, "flags", link_create.kprobe_multi.flags, BF_FLAGS,
	     &xl_bpf_kprobe_multi_flags),
	FSUB(kprobe_multi, "cnt", link_create.kprobe_multi.cnt, BF_UINT, NULL),
	FSUBLEN(kprobe_multi, "syms", link_create.kprobe_multi.syms, BF_STRS,
		link_create.kprobe_multi.cnt),
	FSUBLEN(kprobe_multi, "addrs", link_create.kprobe_multi.addrs, BF_HEXES,
		link_create.kprobe_multi.cnt),
	FSUBLEN(kprobe_multi, "cookies", link_create.kprobe_multi.cookies, BF_HEXES,
		link_create.kprobe_multi.cnt),
};

static const struct bpf_field link_create_iter[] = {
	LINK_CREATE_HEAD,
	FLEN("iter_info", link_create.iter_info, BF_ITER_MAPS, link_create.iter_info,
	     link_create.iter_info_len),
	F("iter_info_len", link_create.iter_info_len, BF_UINT, link_create.iter_info),
};

static const struct bpf_cmd_attr link_creates[] = {
	CMD("link_create", link_create_btf, END(link_create.target_btf_id)),
	CMD("link_create", link_create_perf, END(link_create.perf_event.bpf_cookie)),
	CMD("link_create", link_create_kprobes, END(link_create.kprobe_multi.cookies)),
	CMD("link_create", link_create_iter, END(link_create.iter_info_len)),
};

static const struct bpf_field link_update[] = {
	F("link_fd", link_update.link_fd, BF_FD, link_update),
	F("new_prog_fd", link_update.new_prog_fd, BF_FD, link_update),
	FX("flags", link_update.flags, BF_FLAGS, link_update, xl_bpf_attach_flags),
	FCOND("old_prog_fd", link_update.old_prog_fd, BF_FD, link_update, BFC_REPLACE),
};

static const struct bpf_cmd_attr cmds[] = {
	[BPF_MAP_CREATE] = CMD(NULL, map_create, END(map_extra)),
	[BPF_MAP_LOOKUP_ELEM] = CMD(NULL, map_lookup, END(flags)),
	[BPF_MAP_UPDATE_ELEM] = CMD(NULL, map_update, END(flags)),
	[BPF_MAP_DELETE_ELEM] = CMD(NULL, map_delete, END(key)),
	[BPF_MAP_GET_NEXT_KEY] = CMD(NULL, map_next_key, END(next_key)),
	[BPF_PROG_LOAD] = CMD(NULL, prog_load, END(fd_array)),
	[BPF_OBJ_PIN] = CMD(NULL, obj_pin, END(file_flags)),
	[BPF_OBJ_GET] = CMD(NULL, obj_pin, END(file_flags)),
	[BPF_PROG_ATTACH] = CMD(NULL, prog_attach, END(replace_bpf_fd)),
	[BPF_PROG_DETACH] = CMD(NULL, prog_detach, END(attach_type)),
	[BPF_PROG_TEST_RUN] = CMD("test", test_run, END(test.batch_size)),
	[BPF_PROG_GET_NEXT_ID] = {NULL, get_next_id, N(get_next_id), END(open_flags), true},
	[BPF_MAP_GET_NEXT_ID] = {NULL, get_next_id, N(get_next_id), END(open_flags), true},
	[BPF_PROG_GET_FD_BY_ID] = CMD(NULL, prog_get_fd, END(open_flags)),
	[BPF_MAP_GET_FD_BY_ID] = CMD(NULL, map_get_fd, END(open_flags)),
	[BPF_OBJ_GET_INFO_BY_FD] = CMD("info", get_info, END(info.info)),
	[BPF_PROG_QUERY] = CMD("query", prog_query, END(query.prog_cnt)),
	[BPF_RAW_TRACEPOINT_OPEN] = CMD("raw_tracepoint", raw_tp_open, END(raw_tracepoint.prog_fd)),
	[BPF_BTF_LOAD] = CMD(NULL, btf_load, END(btf_log_level)),
	[BPF_BTF_GET_FD_BY_ID] = CMD(NULL, btf_get_fd, END(btf_id)),
	[BPF_TASK_FD_QUERY] = CMD("task_fd_query", task_fd_query, END(task_fd_query.probe_addr)),
	[BPF_MAP_LOOKUP_AND_DELETE_ELEM] = CMD(NULL, map_lookup, END(flags)),
	[BPF_MAP_FREEZE] = CMD(NULL, map_freeze, END(map_fd)),
	[BPF_BTF_GET_NEXT_ID] = {NULL, get_next_id, N(get_next_id), END(open_flags), true},
	[BPF_MAP_LOOKUP_BATCH] = CMD("batch", map_batch, END(batch.flags)),
	[BPF_MAP_LOOKUP_AND_DELETE_BATCH] = CMD("batch", map_batch, END(batch.flags)),
	/* An update's batch is the lookup's without in_batch and out_batch. */
	[BPF_MAP_UPDATE_BATCH] = {"batch", map_batch + 2, N(map_batch) - 2, END(batch.flags),
				  false},
	[BPF_MAP_DELETE_BATCH] = CMD("batch", map_delete_batch, END(batch.flags)),
	[BPF_LINK_CREATE] = CMD("link_create", link_create, END(link_create.flags)),
	[BPF_LINK_UPDATE] = CMD("link_update", link_update, END(link_update.old_prog_fd)),
	[BPF_LINK_GET_FD_BY_ID] = CMD(NULL, link_get_fd, END(link_id)),
	[BPF_LINK_GET_NEXT_ID] = {NULL, get_next_id, N(get_next_id), END(open_flags), true},
	/* ENABLE_STATS, ITER_CREATE, LINK_DETACH, PROG_BIND_MAP: strace 6.1 shows the address. */
};

const struct bpf_cmd_attr *bpf_link_create_attr(uint32_t attach_type)
{
	switch (attach_type) {
	case BPF_CGROUP_INET_INGRESS:
		return &link_creates[0];
	case BPF_PERF_EVENT:
		return &link_creates[1];
	case BPF_TRACE_KPROBE_MULTI:
		return &link_creates[2];
	case BPF_TRACE_ITER:
		return &link_creates[3];
	default:
		return bpf_cmd_attr(BPF_LINK_CREATE);
	}
}

const struct bpf_cmd_attr *bpf_cmd_attr(uint64_t cmd)
{
	if (cmd >= N(cmds) || !cmds[cmd].fields)
		return NULL;
	return &cmds[cmd];
}
