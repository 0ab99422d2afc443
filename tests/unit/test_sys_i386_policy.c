/*
 * Policies name syscalls, not numbers: the same policy file gives the same
 * verdicts to an x86_64 and an i386 tracee, including calls an i386 program
 * makes through socketcall(2).
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <linux/ipc.h>
#include <linux/net.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../../arch/abi.h"
#include "policy/policy.h"
#include "sys/decode.h"
#include "sys/sysent.h"

static struct arena ar;

static void teardown(void)
{
	arena_free(&ar);
}

TestSuite(sys_i386_policy, .fini = teardown);

static const char *const example_policies[] = {
	"ci-build.policy",	  "cmake-build.policy",
	"python-unittest.policy", "python-multiprocessing.policy",
	"network-client.policy",  "strict.policy"};

static struct policy *load_example(const char *name)
{
	char path[1024], err[512] = "";
	struct policy *p = NULL;
	const char *slash = strrchr(__FILE__, '/');

	/* __FILE__ is tests/unit/this.c: the examples are two levels up. */
	snprintf(path, sizeof(path), "%.*s/../../examples/policies/%s",
		 (int)(slash ? slash - __FILE__ : 1), slash ? __FILE__ : ".", name);
	const struct policy_vars vars = {"/work/checkout", "/home/u", "/tmp",
					 "/usr/local/bin:/usr/bin"};
	cr_assert_eq(policy_load(path, &vars, &p, err, sizeof(err)), 0, "%s", err);
	return p;
}

static int64_t nr_in(const struct ptrc_abi *abi, const char *name)
{
	const struct systab *t = abi->systab;

	for (unsigned i = 0; i < t->len; i++)
		if (!strcmp(t->entries[i].name, name))
			return t->entries[i].nr;
	return -1;
}

/* The inputs a verdict may depend on, the same for both ABIs. */
static void inputs(struct policy_input in[4])
{
	memset(in, 0, 4 * sizeof(*in));
	for (unsigned i = 0; i < 4; i++)
		in[i].family = -1;
	in[1].path[0] = "/etc/passwd";
	in[1].dirfd[0] = -100;
	in[1].npaths = 1;
	in[1].access = POLICY_ACCESS_READ;
	in[2].path[0] = "/tmp/out/x";
	in[2].dirfd[0] = -100;
	in[2].npaths = 1;
	in[2].access = POLICY_ACCESS_WRITE;
	in[3].family = AF_INET;
	in[3].exe = "/usr/bin/python3";
}

Test(sys_i386_policy, same_verdicts_for_every_shared_name)
{
	const struct ptrc_abi *a64 = abi_by_id(ABI_X86_64), *a32 = abi_by_id(ABI_I386);
	struct policy_input in[4];
	unsigned compared = 0;

	inputs(in);
	for (size_t f = 0; f < sizeof(example_policies) / sizeof(example_policies[0]); f++) {
		struct policy *p = load_example(example_policies[f]);
		const struct systab *t = a32->systab;
		for (unsigned i = 0; i < t->len; i++) {
			const char *name = t->entries[i].name;
			int64_t n64 = nr_in(a64, name);
			if (n64 < 0)
				continue;
			for (unsigned k = 0; k < 4; k++) {
				struct policy_verdict v64, v32;
				policy_check(p, a64, (uint64_t)n64, &in[k], &v64);
				policy_check(p, a32, t->entries[i].nr, &in[k], &v32);
				cr_expect(v64.action == v32.action && v64.rule == v32.rule,
					  "%s: %s (input %u): x86_64 %s by line %u, i386 %s by "
					  "line %u",
					  example_policies[f], name, k,
					  v64.action == POLICY_DENY ? "denied" : "allowed",
					  v64.rule ? v64.rule->line : 0,
					  v32.action == POLICY_DENY ? "denied" : "allowed",
					  v32.rule ? v32.rule->line : 0);
				compared++;
			}
		}
		policy_free(p);
	}
	cr_expect_gt(compared, 6 * 4 * 200, "only %u verdicts compared", compared);
}

/* connect(3, {AF_INET, ip:port}, 16) directly on x86_64 and through socketcall on i386. */
static void connect_both_ways(struct policy *p, const char *ip, uint16_t port,
			      enum policy_action want)
{
	static struct sockaddr_in sin;
	static uint32_t args32[3];
	struct tmem_region regions[2];
	struct tmem_fake fake;
	struct tmem mem;
	const struct ptrc_abi *a64 = abi_by_id(ABI_X86_64), *a32 = abi_by_id(ABI_I386);

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	inet_pton(AF_INET, ip, &sin.sin_addr);
	args32[0] = 3;
	args32[1] = 0x2000;
	args32[2] = sizeof(sin);
	regions[0] = (struct tmem_region){0x1000, args32, sizeof(args32)};
	regions[1] = (struct tmem_region){0x2000, &sin, sizeof(sin)};
	tmem_fake_init(&fake, &mem, regions, 2);

	struct policy_input in64, in32;
	struct policy_verdict v64, v32;
	const uint64_t raw64[6] = {3, 0x2000, sizeof(sin)};
	policy_input_read(&in64, a64, sysent_by_name("connect"), raw64, &mem, &ar);
	policy_check(p, a64, (uint64_t)nr_in(a64, "connect"), &in64, &v64);

	const uint64_t raw32[6] = {SYS_CONNECT, 0x1000};
	struct sc_event ev;
	sys_call_start(&ev, a32, (uint64_t)nr_in(a32, "socketcall"), raw32, &mem, &ar);
	cr_assert_str_eq(ev.name, "connect");
	cr_expect_str_eq(ev.via ? ev.via : "(null)", "socketcall");
	cr_expect_eq(ev.raw[0], 3);
	cr_expect_eq(ev.raw[1], 0x2000);
	policy_input_read(&in32, a32, ev.ent, ev.raw, &mem, &ar);
	policy_check_name(p, ev.name, &in32, &v32);

	cr_expect_eq(v64.action, want, "x86_64 connect to %s:%u", ip, port);
	cr_expect_eq(v32.action, want, "i386 socketcall connect to %s:%u", ip, port);
	cr_expect_eq(v64.rule, v32.rule, "the same rule decides for %s:%u", ip, port);
}

Test(sys_i386_policy, socketcall_connect_gets_connects_verdict)
{
	struct policy *p = load_example("network-client.policy");

	connect_both_ways(p, "10.1.2.3", 443, POLICY_ALLOW);
	connect_both_ways(p, "8.8.8.8", 80, POLICY_DENY);
	policy_free(p);
}

Test(sys_i386_policy, subcalls_only_for_the_multiplexers)
{
	const struct ptrc_abi *a32 = abi_by_id(ABI_I386), *a64 = abi_by_id(ABI_X86_64);
	const uint64_t raw[6] = {SYS_SOCKET, 0x1000};
	struct tmem_fake fake;
	struct tmem mem;
	struct sc_event ev;

	tmem_fake_init(&fake, &mem, NULL, 0);
	sys_call_start(&ev, a32, (uint64_t)nr_in(a32, "getpid"), raw, &mem, &ar);
	cr_expect_str_eq(ev.name, "getpid");
	cr_expect_null(ev.via);
	sys_call_start(&ev, a64, (uint64_t)nr_in(a64, "socket"), raw, &mem, &ar);
	cr_expect_str_eq(ev.name, "socket");
	cr_expect_null(ev.via);
	/* Unreadable arguments: the multiplexer itself, with its own arguments. */
	sys_call_start(&ev, a32, (uint64_t)nr_in(a32, "socketcall"), raw, &mem, &ar);
	cr_expect_str_eq(ev.name, "socketcall");
	cr_expect_null(ev.via);
	cr_expect_eq(ev.raw[0], SYS_SOCKET);
	/* ipc(2) needs no memory for shmget. */
	const uint64_t ipc[6] = {SHMGET, 0, 4096, 0600, 0, 0};
	sys_call_start(&ev, a32, (uint64_t)nr_in(a32, "ipc"), ipc, &mem, &ar);
	cr_expect_str_eq(ev.name, "shmget");
	cr_expect_str_eq(ev.via ? ev.via : "(null)", "ipc");
	cr_expect_eq(ev.raw[1], 4096);
}
