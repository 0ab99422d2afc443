/* Globs, groups, inputs read from fake tracee memory, and verdicts. */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "policy/internal.h"
#include "mem/tmem.h"
#include "sys/sysent.h"

static struct policy *parse_ok(const char *text)
{
	struct policy *p = NULL;
	char err[256] = "";
	cr_assert_eq(policy_parse("t", text, strlen(text), &p, err, sizeof(err)), 0, "%s", err);
	return p;
}

Test(policy_glob, matching)
{
	cr_assert(policy_glob_match("/usr/*", "/usr/bin"));
	cr_assert_not(policy_glob_match("/usr/*", "/usr/bin/cc"));
	cr_assert(policy_glob_match("/usr/**", "/usr/bin/cc"));
	cr_assert(policy_glob_match("/usr/**", "/usr"), "the tree is the directory too");
	cr_assert_not(policy_glob_match("/usr/**", "/us"));
	cr_assert_not(policy_glob_match("/usr/**", "/usrx"));
	cr_assert_not(policy_glob_match("/usr/*", "/usr"));
	cr_assert_not(policy_glob_match("/usr/**", "/usrx/a"));
	cr_assert(policy_glob_match("/a/**/b", "/a/b"));
	cr_assert(policy_glob_match("/a/**/b", "/a/x/y/b"));
	cr_assert(policy_glob_match("/tmp/?.o", "/tmp/a.o"));
	cr_assert_not(policy_glob_match("/tmp/?.o", "/tmp/ab.o"));
	cr_assert(policy_glob_match("/dev/tty[0-9]", "/dev/tty5"));
	cr_assert_not(policy_glob_match("/dev/tty[!0-9]", "/dev/tty5"));
	cr_assert(policy_glob_match("/a\\*b", "/a*b"));
	cr_assert_not(policy_glob_match("/a\\*b", "/axb"));
	cr_assert(policy_glob_match("/usr/bin/python3*", "/usr/bin/python3.11"));
}

Test(policy_groups, members_known_and_same_on_every_abi)
{
	unsigned groups = 0;

	for (const struct policy_group *g = policy_groups(); g->name; g++, groups++) {
		cr_assert_eq(g->name[0], '@');
		for (const char *const *m = g->members; *m; m++)
			cr_assert(systab_name_known(*m), "%s: '%s' is no syscall of any ABI",
				  g->name, *m);
		/* Expanded on each ABI, a group is exactly its members that ABI has. */
		for (unsigned id = 0; id < ABI_COUNT; id++) {
			const struct systab *t = abi_by_id((enum abi_id)id)->systab;
			for (const char *const *m = g->members; *m; m++) {
				unsigned hits = 0;
				for (unsigned i = 0; i < t->len; i++)
					hits += !strcmp(t->entries[i].name, *m);
				cr_assert_leq(hits, 1);
			}
		}
	}
	cr_assert_geq(groups, 12);
	cr_assert_not_null(policy_group_find("@network-io"));
	cr_assert_null(policy_group_find("@nope"));
}

Test(policy_match, first_rule_wins_and_default)
{
	struct policy *p = parse_ok("deny unlink path=/etc/**\n"
				    "allow @file-system path=/etc/**,/tmp/**\n"
				    "allow read\n");
	struct policy_input in = {.npaths = 1, .path = {"/etc/passwd"}};
	struct policy_verdict v;

	policy_check_name(p, "unlink", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	cr_assert_eq(v.rule, &p->rules[0]);
	policy_check_name(p, "stat", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	cr_assert_eq(v.rule, &p->rules[1]);
	in.path[0] = "/home/x";
	policy_check_name(p, "stat", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	cr_assert_null(v.rule);
	/* fstat has no path: the path condition does not apply to it. */
	policy_check_name(p, "fstat", NULL, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	policy_check_name(p, "write", NULL, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	/* By number: x86_64 read is 0. */
	policy_check(p, abi_by_id(ABI_X86_64), 0, NULL, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	cr_assert_eq(v.rule, &p->rules[2]);
	policy_check(p, abi_by_id(ABI_X86_64), 99999, NULL, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	cr_assert_not(policy_needs_input(p, abi_by_id(ABI_X86_64), 0));
	policy_free(p);
}

Test(policy_match, two_paths_access_exec_exe)
{
	struct policy *p = parse_ok("allow rename path=/tmp/**\n"
				    "allow openat access=read path=/usr/**\n"
				    "allow openat access=write path=/tmp/**\n"
				    "allow stat access=read path=/usr/**\n"
				    "allow unlink access=read path=/usr/**\n"
				    "allow execve exec=/usr/bin/*\n"
				    "allow getpid exe=/usr/bin/make\n");
	struct policy_input in = {.npaths = 2, .path = {"/tmp/a", "/tmp/b"}};
	struct policy_verdict v;

	policy_check_name(p, "rename", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.path[1] = "/etc/passwd";
	policy_check_name(p, "rename", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY, "every path must match");
	in = (struct policy_input){
		.npaths = 1, .path = {"/usr/lib/x"}, .access = POLICY_ACCESS_READ};
	policy_check_name(p, "openat", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.access = POLICY_ACCESS_WRITE | POLICY_ACCESS_READ;
	policy_check_name(p, "openat", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	in.path[0] = NULL; /* unreadable */
	policy_check_name(p, "openat", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	in = (struct policy_input){.npaths = 1, .path = {"/usr/x"}, .access = POLICY_ACCESS_READ};
	policy_check_name(p, "stat", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.access = POLICY_ACCESS_WRITE; /* what unlink gets from policy_input_read */
	policy_check_name(p, "unlink", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	in = (struct policy_input){.npaths = 1, .path = {"/usr/bin/cc"}};
	policy_check_name(p, "execve", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.path[0] = "/bin/sh";
	policy_check_name(p, "execve", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	in = (struct policy_input){.exe = "/usr/bin/make"};
	policy_check_name(p, "getpid", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.exe = "/usr/bin/cc";
	policy_check_name(p, "getpid", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	cr_assert(policy_needs_input(p, abi_by_id(ABI_X86_64), 39 /* getpid */));
	policy_free(p);
}

static struct policy_input inet_dest(int fam, const char *addr, uint16_t port)
{
	struct policy_input in = {.has_sa = true, .sa_read = true, .family = -1};
	in.sa.family = fam;
	in.sa.port = port;
	cr_assert_eq(inet_pton(fam, addr, in.sa.addr), 1);
	return in;
}

Test(policy_match, sockets)
{
	struct policy *p = parse_ok("allow socket family=unix,inet\n"
				    "allow connect addr=10.0.0.0/8,fd00::/8 port=443,8000-8100\n"
				    "allow connect addr=/run/*.sock,@jobserver*\n"
				    "allow sendto addr=none\n");
	struct policy_verdict v;
	struct policy_input in = {.family = AF_INET};

	policy_check_name(p, "socket", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.family = AF_NETLINK;
	policy_check_name(p, "socket", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);

	in = inet_dest(AF_INET, "10.1.2.3", 443);
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in = inet_dest(AF_INET, "10.1.2.3", 8050);
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in = inet_dest(AF_INET, "11.1.2.3", 443);
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	in = inet_dest(AF_INET, "10.1.2.3", 22);
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	in = inet_dest(AF_INET6, "fd00::1", 443);
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in = inet_dest(AF_INET6, "fe80::1", 443);
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);

	in = (struct policy_input){.has_sa = true, .sa_read = true};
	in.sa.family = AF_UNIX;
	in.sa.path = "/run/dbus.sock";
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.sa.path = "@jobserver-12";
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in.sa.path = "/var/run/x.sock";
	policy_check_name(p, "connect", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);

	in = (struct policy_input){.has_sa = true, .sa_read = true};
	in.sa.family = AF_UNSPEC;
	policy_check_name(p, "sendto", &in, &v);
	cr_assert_eq(v.action, POLICY_ALLOW);
	in = inet_dest(AF_INET, "10.1.2.3", 443);
	policy_check_name(p, "sendto", &in, &v);
	cr_assert_eq(v.action, POLICY_DENY);
	policy_free(p);
}

Test(policy_match, static_verdicts)
{
	struct policy *p = parse_ok("allow socket family=unix,inet\n"
				    "allow read\n"
				    "deny write\n"
				    "allow openat path=/x\n");
	struct policy_fams f;

	cr_assert_eq(policy_static_verdict(p, "socket", &f), POLICY_S_FAMILY);
	cr_assert_eq(f.n, 2);
	cr_assert_eq(f.fam[0], AF_UNIX);
	cr_assert_eq(policy_static_verdict(p, "read", &f), POLICY_S_ALLOW);
	cr_assert_eq(policy_static_verdict(p, "write", &f), POLICY_S_DENY);
	cr_assert_eq(policy_static_verdict(p, "openat", &f), POLICY_S_CHECK);
	cr_assert_eq(policy_static_verdict(p, "close", &f), POLICY_S_DENY);
	policy_free(p);
}

/* Inputs read through the tmem interface, as the live tracer would. */
Test(policy_input, from_fake_memory)
{
	static const char path[] = "/etc/hosts";
	static const char rel[] = "../lib/./x.so";
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons(53)};
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	inet_pton(AF_INET, "127.0.0.53", &sin.sin_addr);
	memcpy(sun.sun_path, "\0abs", 4);
	uint64_t msghdr[2] = {0x5000, sizeof(sin)};
	const struct tmem_region r[] = {
		{0x1000, path, sizeof(path)}, {0x2000, rel, sizeof(rel)},
		{0x3000, &sin, sizeof(sin)},  {0x4000, &sun, 6},
		{0x5000, &sin, sizeof(sin)},  {0x6000, msghdr, sizeof(msghdr)},
	};
	struct tmem_fake fake;
	struct tmem mem;
	struct arena ar = {0};
	struct policy_input in;
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);

	tmem_fake_init(&fake, &mem, r, sizeof(r) / sizeof(r[0]));
	policy_input_read(&in, abi, sysent_by_name("openat"),
			  (uint64_t[6]){AT_FDCWD, 0x1000, O_WRONLY}, &mem, &ar);
	cr_assert_eq(in.npaths, 1);
	cr_assert_str_eq(in.path[0], "/etc/hosts");
	cr_assert_eq(in.access, POLICY_ACCESS_WRITE);
	policy_input_read(&in, abi, sysent_by_name("open"), (uint64_t[6]){0x1000, O_RDONLY}, &mem,
			  &ar);
	cr_assert_eq(in.access, POLICY_ACCESS_READ);
	policy_input_read(&in, abi, sysent_by_name("renameat"),
			  (uint64_t[6]){7, 0x2000, AT_FDCWD, 0x1000}, &mem, &ar);
	cr_assert_eq(in.npaths, 2);
	cr_assert_eq(in.dirfd[0], 7);
	cr_assert(policy_input_relative(&in, 0));
	cr_assert_not(policy_input_relative(&in, 1));
	policy_input_resolve(&in, 0, "/usr/share/", &ar);
	cr_assert_str_eq(in.path[0], "/usr/lib/x.so");
	policy_input_read(&in, abi, sysent_by_name("stat"), (uint64_t[6]){0x9000}, &mem, &ar);
	cr_assert_null(in.path[0]);
	cr_assert_eq(in.access, POLICY_ACCESS_READ);

	policy_input_read(&in, abi, sysent_by_name("connect"),
			  (uint64_t[6]){3, 0x3000, sizeof(sin)}, &mem, &ar);
	cr_assert(in.has_sa && in.sa_read);
	cr_assert_eq(in.sa.family, AF_INET);
	cr_assert_eq(in.sa.port, 53);
	cr_assert_eq(memcmp(in.sa.addr, &sin.sin_addr, 4), 0);
	policy_input_read(&in, abi, sysent_by_name("connect"), (uint64_t[6]){3, 0x4000, 6}, &mem,
			  &ar);
	cr_assert_str_eq(in.sa.path, "@abs");
	policy_input_read(&in, abi, sysent_by_name("sendto"), (uint64_t[6]){3, 0, 0, 0, 0, 0}, &mem,
			  &ar);
	cr_assert(in.sa_read);
	cr_assert_eq(in.sa.family, AF_UNSPEC);
	policy_input_read(&in, abi, sysent_by_name("sendmsg"), (uint64_t[6]){3, 0x6000}, &mem, &ar);
	cr_assert_eq(in.sa.port, 53);
	policy_input_read(&in, abi, sysent_by_name("connect"), (uint64_t[6]){3, 0x8000, 16}, &mem,
			  &ar);
	cr_assert(in.has_sa);
	cr_assert_not(in.sa_read);
	policy_input_read(&in, abi, sysent_by_name("socket"), (uint64_t[6]){AF_INET6}, &mem, &ar);
	cr_assert_eq(in.family, AF_INET6);
	arena_free(&ar);
}

/* The seccomp stop and the entry stop read arguments only when policy_needs_input says so. */
Test(policy_match, needs_input_when_a_conditional_rule_comes_first)
{
	struct policy *p = parse_ok("deny openat path=/nonexistent/**\n"
				    "allow read\n"
				    "allow openat\n"
				    "allow *\n");
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);
	uint64_t openat = 0, read = 0;

	for (unsigned i = 0; i < abi->systab->len; i++) {
		if (!strcmp(abi->systab->entries[i].name, "openat"))
			openat = abi->systab->entries[i].nr;
		if (!strcmp(abi->systab->entries[i].name, "read"))
			read = abi->systab->entries[i].nr;
	}
	cr_assert(policy_needs_input(p, abi, openat), "the path rule comes before 'allow *'");
	cr_assert_not(policy_needs_input(p, abi, read), "'allow read' decides without arguments");
	policy_free(p);

	p = parse_ok("allow openat\ndeny openat path=/x/**\n");
	cr_assert_not(policy_needs_input(p, abi, openat), "an unconditional rule comes first");
	policy_free(p);
}

/*
 * The policy reads the same signature table as the decoders: every call with
 * a looked-up path argument (A_PATH) on any ABI is checked by a path rule,
 * with each path read from the argument syscalls.def names.  Before the roles
 * came from syscalls.def, eight of them (utimensat_time64, open_tree,
 * move_mount...) were never checked, and a deny rule let them through.
 */
Test(policy_match, every_path_argument_is_checked)
{
	static const char secret[] = "/secret/key";
	const struct tmem_region r[] = {{0x1000, secret, sizeof(secret)}};
	struct tmem_fake fake;
	struct tmem mem;
	struct arena ar = {0};
	struct strbuf text = {0};
	unsigned checked = 0;

	tmem_fake_init(&fake, &mem, r, 1);
	for (unsigned i = 0; i < sysent_count; i++) {
		const struct sysent *e = &sysent_table[i];
		bool has_path = false;
		for (unsigned k = 0; k < e->nargs; k++)
			has_path |= e->args[k].kind == AK_PATH;
		if (!has_path || !systab_name_known(e->name))
			continue;
		strbuf_reset(&text);
		strbuf_addf(&text, "deny %s path=/secret/**\nallow *\n", e->name);
		struct policy *p = parse_ok(text.buf);
		/* Every path argument points at the secret; other arguments are 0. */
		uint64_t raw[6] = {0};
		for (unsigned k = 0; k < e->nargs; k++)
			if (e->args[k].kind == AK_PATH)
				raw[k] = 0x1000;
		struct policy_input in;
		struct policy_verdict v;
		policy_input_read(&in, abi_by_id(ABI_X86_64), e, raw, &mem, &ar);
		policy_check_name(p, e->name, &in, &v);
		cr_expect_eq(v.action, POLICY_DENY, "%s with path /secret/key was allowed",
			     e->name);
		policy_free(p);
		checked++;
	}
	cr_expect_geq(checked, 70, "only %u path calls", checked);
	const char *late[] = {"utimensat_time64", "open_tree", "move_mount",   "fspick",
			      "mount_setattr",	  "quotactl",  "fanotify_mark"};
	for (size_t k = 0; k < sizeof(late) / sizeof(late[0]); k++)
		cr_expect(sc_key_applies(PK_PATH, late[k]), "%s takes no path?", late[k]);
	/* A symlink's target is stored, not looked up: only the link's path is checked. */
	cr_expect_eq(sc_info_find("symlink")->path[0], 1);
	cr_expect_eq(sc_info_find("symlinkat")->path[0], 2);
	cr_expect_eq(sc_info_find("symlinkat")->dirfd[0], 1);
	strbuf_free(&text);
	arena_free(&ar);
}

/* An absolute path is folded as a relative one is: no way around a deny rule by spelling. */
Test(policy_input, absolute_paths_folded)
{
	static const char *const spellings[] = {"//etc/shadow", "/etc/./shadow",
						"/tmp/../etc/shadow", "/etc//shadow/"};
	struct policy *p = parse_ok("default allow\ndeny openat path=/etc/shadow\n");
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);
	struct arena ar = {0};

	for (unsigned i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		const struct tmem_region r = {0x1000, spellings[i], strlen(spellings[i]) + 1};
		struct tmem_fake fake;
		struct tmem mem;
		struct policy_input in;
		struct policy_verdict v;
		tmem_fake_init(&fake, &mem, &r, 1);
		policy_input_read(&in, abi, sysent_by_name("openat"),
				  (uint64_t[6]){AT_FDCWD, 0x1000, O_RDONLY}, &mem, &ar);
		cr_assert_str_eq(in.path[0], "/etc/shadow", "%s", spellings[i]);
		policy_check_name(p, "openat", &in, &v);
		cr_assert_eq(v.action, POLICY_DENY, "%s", spellings[i]);
	}
	policy_free(p);
	arena_free(&ar);
}

/*
 * glibc's fstat() on a pipe is newfstatat(fd, "", AT_EMPTY_PATH): a call on its descriptor,
 * which a path rule must judge as it judges fstat, not as the caller's directory.
 */
Test(policy_match, an_empty_path_is_a_descriptor_call)
{
	struct policy *p = parse_ok("allow @file-system path=/etc/**\n");
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);
	const struct sysent *ent = sysent_by_name("newfstatat");
	static const char empty[] = "";
	struct tmem_region r = {0x1000, empty, 1};
	struct tmem_fake fake;
	struct tmem mem;
	struct arena ar = {0};
	struct policy_input in;
	struct policy_verdict v;
	const uint64_t raw[6] = {0, 0x1000, 0x2000, AT_EMPTY_PATH};

	tmem_fake_init(&fake, &mem, &r, 1);
	policy_input_read(&in, abi, ent, raw, &mem, &ar);
	cr_expect(in.fd_only);
	cr_expect_not(policy_input_relative(&in, 0), "not resolved against the cwd");
	policy_check_name(p, "newfstatat", &in, &v);
	cr_expect_eq(v.action, POLICY_ALLOW);
	/* A real path still decides. */
	in = (struct policy_input){.npaths = 1, .path = {"/home/x"}, .family = -1};
	policy_check_name(p, "newfstatat", &in, &v);
	cr_expect_eq(v.action, POLICY_DENY);
	arena_free(&ar);
	policy_free(p);
}

/* ... and a deny rule about paths is not about a descriptor call: it denied every fstat(). */
Test(policy_match, a_path_deny_rule_leaves_descriptor_calls_alone)
{
	struct policy *p = parse_ok("default allow\ndeny newfstatat path=/nonexistent/**\n");
	struct policy_input in = {.npaths = 1, .path = {""}, .fd_only = true, .family = -1};
	struct policy_verdict v;

	policy_check_name(p, "newfstatat", &in, &v);
	cr_expect_eq(v.action, POLICY_ALLOW);
	in = (struct policy_input){.npaths = 1, .path = {"/nonexistent/x"}, .family = -1};
	policy_check_name(p, "newfstatat", &in, &v);
	cr_expect_eq(v.action, POLICY_DENY, "a real path still decides");
	policy_free(p);
}

/* What a process needs to end is never denied: a denied exit_group turned exits into SIGSEGV. */
Test(policy_match, exit_and_sigreturn_are_always_allowed)
{
	struct policy *p = parse_ok("deny exit_group rt_sigreturn\ndefault deny\n");
	struct policy_verdict v;
	struct policy_fams fams;

	policy_check_name(p, "exit_group", NULL, &v);
	cr_expect_eq(v.action, POLICY_ALLOW);
	policy_check_name(p, "rt_sigreturn", NULL, &v);
	cr_expect_eq(v.action, POLICY_ALLOW);
	policy_check_name(p, "exit", NULL, &v);
	cr_expect_eq(v.action, POLICY_ALLOW, "the default does not deny it either");
	cr_expect_eq(policy_static_verdict(p, "exit_group", &fams), POLICY_S_ALLOW);
	policy_check_name(p, "write", NULL, &v);
	cr_expect_eq(v.action, POLICY_DENY);
	policy_free(p);
}
