/* bpf(2)'s commands with their union bpf_attr members, as strace 6.1 prints them.
 *   tp_bpf basic   maps, a program, ids, and the calls the kernel refuses
 *   tp_bpf fixed   the same without the ids, which change from one run to the next
 * Descriptors and ids are the ones the calls returned; where bpf is not permitted (a normal
 * user, kernel.unprivileged_bpf_disabled) every call fails and the lines state the errors.
 */
#include "expect.h"

#include <errno.h>
#include <stdbool.h>
#include <linux/bpf.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;
static union bpf_attr a;

static long sys_bpf(long cmd, void *attr, unsigned long size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

/* An array map of 4 u64 named tp_map: its descriptor, or -1. */
static int map_create(void)
{
	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 4;
	strcpy(a.map_name, "tp_map");
	long fd = sys_bpf(BPF_MAP_CREATE, &a, sizeof(a));
	xp_line(me,
		"bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, "
		"max_entries=4, map_flags=0, inner_map_fd=0, map_name=\"tp_map\", map_ifindex=0, "
		"btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, "
		"map_extra=0}, %zu) = %s",
		sizeof(a), xp_result(fd, false));
	/* Cut at 8 bytes: the first fields, the rest read as 0. */
	long n = sys_bpf(BPF_MAP_CREATE, &a, 8);
	xp_line(me,
		"bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=0, "
		"max_entries=0}, 8) = %s",
		xp_result(n, false));
	return (int)fd;
}

static void map_elems(int fd)
{
	uint32_t key = 1;
	uint64_t value = 7, next = 0;

	memset(&a, 0, sizeof(a));
	a.map_fd = (uint32_t)fd;
	a.key = (uintptr_t)&key;
	a.value = (uintptr_t)&value;
	long n = sys_bpf(BPF_MAP_UPDATE_ELEM, &a, sizeof(a));
	xp_line(me,
		"bpf(BPF_MAP_UPDATE_ELEM, {map_fd=%d, key=%p, value=%p, flags=BPF_ANY}, %zu) = %s",
		fd, (void *)&key, (void *)&value, sizeof(a), xp_result(n, false));
	a.flags = BPF_F_LOCK;
	n = sys_bpf(BPF_MAP_LOOKUP_ELEM, &a, sizeof(a));
	xp_line(me,
		"bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=%d, key=%p, value=%p, flags=BPF_F_LOCK}, %zu) = "
		"%s",
		fd, (void *)&key, (void *)&value, sizeof(a), xp_result(n, false));
	/* An array's elements cannot be deleted; the value and flags past the key: ", ...". */
	n = sys_bpf(BPF_MAP_DELETE_ELEM, &a, sizeof(a));
	xp_line(me, "bpf(BPF_MAP_DELETE_ELEM, {map_fd=%d, key=%p, ...}, %zu) = %s", fd,
		(void *)&key, sizeof(a), xp_result(n, false));
	memset(&a, 0, sizeof(a));
	a.map_fd = (uint32_t)fd;
	a.key = (uintptr_t)&key;
	a.next_key = (uintptr_t)&next;
	n = sys_bpf(BPF_MAP_GET_NEXT_KEY, &a, sizeof(a));
	xp_line(me, "bpf(BPF_MAP_GET_NEXT_KEY, {map_fd=%d, key=%p, next_key=%p}, %zu) = %s", fd,
		(void *)&key, (void *)&next, sizeof(a), xp_result(n, false));
}

/* The map's id through its info, then the first id and a descriptor from the id. */
static void map_ids(int fd)
{
	struct bpf_map_info info;

	memset(&info, 0, sizeof(info));
	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = (uint32_t)fd;
	a.info.info_len = sizeof(info);
	a.info.info = (uintptr_t)&info;
	long n = sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a));
	xp_line(me,
		"bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=%d, info_len=%zu, info=%p}}, %zu) = %s",
		fd, sizeof(info), (void *)&info, sizeof(a), xp_result(n, false));
	memset(&a, 0, sizeof(a));
	n = sys_bpf(BPF_MAP_GET_NEXT_ID, &a, 12);
	char next[32] = "";
	if (n == 0)
		snprintf(next, sizeof(next), " => %u", a.next_id);
	xp_line(me, "bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=0%s, open_flags=0}, 12) = %s",
		next, xp_result(n, false));
	memset(&a, 0, sizeof(a));
	a.map_id = info.id;
	a.open_flags = BPF_F_RDONLY;
	n = sys_bpf(BPF_MAP_GET_FD_BY_ID, &a, 12);
	xp_line(me,
		"bpf(BPF_MAP_GET_FD_BY_ID, {map_id=%u, next_id=0, open_flags=BPF_F_RDONLY}, 12) = "
		"%s",
		info.id, xp_result(n, false));
	if (n >= 0)
		close((int)n);
}

/* "r0 = 0; exit": a socket filter that drops everything. */
static void prog_load(void)
{
	struct bpf_insn insns[2] = {{.code = BPF_ALU64 | BPF_MOV | BPF_K},
				    {.code = BPF_JMP | BPF_EXIT}};
	static const char license[] = "GPL";
	char log[64];

	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 2;
	a.insns = (uintptr_t)insns;
	a.license = (uintptr_t)license;
	strcpy(a.prog_name, "tp_prog");
	long fd = sys_bpf(BPF_PROG_LOAD, &a, sizeof(a));
	xp_line(me,
		"bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=%p, "
		"license=\"GPL\", log_level=0, log_size=0, log_buf=NULL, "
		"kern_version=KERNEL_VERSION(0, 0, 0), prog_flags=0, prog_name=\"tp_prog\", "
		"prog_ifindex=0, expected_attach_type=BPF_CGROUP_INET_INGRESS, prog_btf_fd=0, "
		"func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0, "
		"line_info=NULL, line_info_cnt=0, attach_btf_id=0, attach_prog_fd=0, "
		"fd_array=NULL}, %zu) = %s",
		(void *)insns, sizeof(a), xp_result(fd, false));
	if (fd >= 0)
		close((int)fd);
	/* No instructions: refused, with the (empty) log buffer and flags up to 48 bytes. */
	memset(log, 0, sizeof(log));
	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.license = (uintptr_t)license;
	a.log_level = 1;
	a.log_size = sizeof(log);
	a.log_buf = (uintptr_t)log;
	a.kern_version = 0x60100;
	a.prog_flags = BPF_F_STRICT_ALIGNMENT;
	long n = sys_bpf(BPF_PROG_LOAD, &a, 48);
	xp_line(me,
		"bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=0, "
		"insns=NULL, "
		"license=\"GPL\", log_level=1, log_size=64, log_buf=\"\", "
		"kern_version=KERNEL_VERSION(6, 1, 0), prog_flags=BPF_F_STRICT_ALIGNMENT}, 48) = "
		"%s",
		xp_result(n, false));
}

/* What strace shows as an address, a union with bytes past what it knows, a bad path. */
static void refused(void)
{
	static char big[512];
	long n;

	n = sys_bpf(0xdead, NULL, 0);
	xp_line(me, "bpf(0xdead /* BPF_??? */, NULL, 0) = %s", xp_result(n, false));
	n = sys_bpf(BPF_MAP_CREATE, NULL, sizeof(a));
	xp_line(me, "bpf(BPF_MAP_CREATE, NULL, %zu) = %s", sizeof(a), xp_result(n, false));
	n = sys_bpf(BPF_MAP_CREATE, (void *)1, sizeof(a));
	xp_line(me, "bpf(BPF_MAP_CREATE, 0x1, %zu) = %s", sizeof(a), xp_result(n, false));
	n = sys_bpf(BPF_MAP_CREATE, big, 8192);
	xp_line(me, "bpf(BPF_MAP_CREATE, %p, 8192) = %s", (void *)big, xp_result(n, false));
	memset(big, 0, sizeof(big));
	((union bpf_attr *)big)->map_fd = 0x7fff;
	big[300] = 1;
	n = sys_bpf(BPF_MAP_FREEZE, big, sizeof(big));
	xp_line(me, "bpf(BPF_MAP_FREEZE, {map_fd=32767, ...}, %zu) = %s", sizeof(big),
		xp_result(n, false));
	memset(&a, 0, sizeof(a));
	a.pathname = (uintptr_t) "/nonexistent/tp_bpf";
	a.bpf_fd = 0x7fff;
	a.file_flags = 0x40;
	n = sys_bpf(BPF_OBJ_GET, &a, sizeof(a));
	xp_line(me,
		"bpf(BPF_OBJ_GET, {pathname=\"/nonexistent/tp_bpf\", bpf_fd=32767, "
		"file_flags=0x40 /* BPF_F_??? */}, %zu) = %s",
		sizeof(a), xp_result(n, false));
	n = sys_bpf(BPF_PROG_BIND_MAP, &a, sizeof(a));
	xp_line(me, "bpf(BPF_PROG_BIND_MAP, %p, %zu) = %s", (void *)&a, sizeof(a),
		xp_result(n, false));
}

static int run(bool ids)
{
	refused();
	int fd = map_create();
	map_elems(fd);
	if (ids)
		map_ids(fd);
	prog_load();
	if (fd >= 0)
		close(fd);
	return 0;
}

static int run_basic(void)
{
	return run(true);
}

static int run_fixed(void)
{
	return run(false);
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"basic", run_basic}, {"fixed", run_fixed}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_bpf", argc, argv, modes);
}
