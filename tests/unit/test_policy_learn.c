/* Learning: the written policy parses, allows every recorded call, and flags new ones. */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "policy/learn.h"

struct call {
	const char *name;
	struct policy_input in;
};

static struct policy_input file(const char *p, int access)
{
	return (struct policy_input){.npaths = 1, .path = {p}, .access = access, .family = -1};
}

static struct policy_input dest(int fam, const char *addr, uint16_t port)
{
	struct policy_input in = {.has_sa = true, .sa_read = true, .family = -1};
	in.sa.family = fam;
	in.sa.port = port;
	if (fam == AF_UNIX)
		in.sa.path = addr;
	else if (addr)
		inet_pton(fam, addr, in.sa.addr);
	return in;
}

enum { R = POLICY_ACCESS_READ, W = POLICY_ACCESS_WRITE };

static struct call calls[] = {
	{"read", {.family = -1}},
	{"write", {.family = -1}},
	{"mmap", {.family = -1}},
	{"exit_group", {.family = -1}},
	{"openat", {.npaths = 1, .path = {"/usr/lib/x86_64-linux-gnu/libc.so.6"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/usr/lib/x86_64-linux-gnu/libm.so.6"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/usr/lib/gcc/x86_64-linux-gnu/12/cc1"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/usr/share/locale/C/a.mo"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/etc/ld.so.cache"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/proc/1234/maps"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/tmp/build/out/a.o"}, .access = W}},
	{"openat", {.npaths = 1, .path = {"/tmp/build/out/b.o"}, .access = W}},
	{"newfstatat", {.npaths = 1, .path = {"/usr/lib/x86_64-linux-gnu/libc.so.6"}, .access = R}},
	{"unlink", {.npaths = 1, .path = {"/tmp/build/out/old.o"}, .access = W}},
	{"stat", {.npaths = 1, .path = {"/"}, .access = R}},
	{"openat", {.npaths = 1, .path = {"/tmp/we,ird \"name\"/x*y"}, .access = W}},
	{"execve", {.npaths = 1, .path = {"/usr/bin/cc"}, .access = R}},
	{"execve", {.npaths = 1, .path = {"/usr/bin/ld"}, .access = R}},
	{"socket", {.family = AF_UNIX}},
	{"socket", {.family = AF_INET}},
};

static struct policy *learn_all(char **text_out)
{
	struct policy_learn *l = policy_learn_new();
	struct strbuf sb = {0};
	struct policy *p = NULL;
	char err[256] = "";

	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		bool plain = !sc_info_find(calls[i].name);
		policy_learn_add(l, calls[i].name, plain ? NULL : &calls[i].in);
		policy_learn_add(l, calls[i].name, plain ? NULL : &calls[i].in); /* duplicates */
	}
	struct policy_input d[] = {dest(AF_INET, "127.0.0.53", 53),
				   dest(AF_INET, "127.0.0.53", 853), dest(AF_INET6, "::1", 8080),
				   dest(AF_UNIX, "/run/nscd/socket", 0), dest(AF_UNSPEC, NULL, 0)};
	for (size_t i = 0; i < 4; i++)
		policy_learn_add(l, "connect", &d[i]);
	policy_learn_add(l, "sendto", &d[4]);
	policy_learn_write(l, &sb, "test run", NULL);
	policy_learn_free(l);
	int rc = policy_parse("learned", sb.buf, sb.len, &p, err, sizeof(err));
	cr_assert_eq(rc, 0, "learned policy does not parse: %s\n%s", err, sb.buf);
	*text_out = sb.buf;
	return p;
}

static enum policy_action verdict(const struct policy *p, const char *name,
				  const struct policy_input *in)
{
	struct policy_verdict v;
	policy_check_name(p, name, in, &v);
	return v.action;
}

Test(policy_learn, allows_what_was_seen)
{
	char *text;
	struct policy *p = learn_all(&text);

	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		cr_assert_eq(verdict(p, calls[i].name, &calls[i].in), POLICY_ALLOW, "%s %s\n%s",
			     calls[i].name, calls[i].in.path[0] ? calls[i].in.path[0] : "", text);
	struct policy_input c = dest(AF_INET, "127.0.0.53", 853);
	cr_assert_eq(verdict(p, "connect", &c), POLICY_ALLOW);
	c = dest(AF_UNIX, "/run/nscd/socket", 0);
	cr_assert_eq(verdict(p, "connect", &c), POLICY_ALLOW);
	c = dest(AF_UNSPEC, NULL, 0);
	cr_assert_eq(verdict(p, "sendto", &c), POLICY_ALLOW);
	/* Generalised: another library in the same tree, another pid. */
	struct policy_input f = file("/usr/lib/x86_64-linux-gnu/libz.so.1", R);
	cr_assert_eq(verdict(p, "openat", &f), POLICY_ALLOW);
	f = file("/proc/99/maps", R);
	cr_assert_eq(verdict(p, "openat", &f), POLICY_ALLOW);
	f = file("/tmp/build/out/c.o", W);
	cr_assert_eq(verdict(p, "openat", &f), POLICY_ALLOW);
	cr_assert(strstr(text, "access=read path=/etc/*,/proc/*/*,/usr/**\n"), "%s", text);
	cr_assert(strstr(text, "# @basic-io\nallow read write\n"), "%s", text);
	policy_free(p);
	free(text);
}

Test(policy_learn, flags_something_new)
{
	char *text;
	struct policy *p = learn_all(&text);

	struct policy_input c = dest(AF_INET, "93.184.216.34", 443);
	cr_assert_eq(verdict(p, "connect", &c), POLICY_DENY, "a new connect");
	c = dest(AF_INET, "127.0.0.53", 54);
	cr_assert_eq(verdict(p, "connect", &c), POLICY_DENY, "a new port");
	struct policy_input f = file("/usr/bin/curl", R);
	cr_assert_eq(verdict(p, "execve", &f), POLICY_DENY, "a new program");
	f = file("/home/user/.ssh/id_rsa", W);
	cr_assert_eq(verdict(p, "openat", &f), POLICY_DENY, "a write outside the tree");
	f = file("/usr/lib/x86_64-linux-gnu/libc.so.6", W);
	cr_assert_eq(verdict(p, "openat", &f), POLICY_DENY, "a write where only reads were seen");
	f = file("/usr/lib/x86_64-linux-gnu/libc.so.6", W);
	cr_assert_eq(verdict(p, "unlink", &f), POLICY_DENY, "an unlink outside the tree");
	struct policy_input s = {.family = AF_NETLINK};
	cr_assert_eq(verdict(p, "socket", &s), POLICY_DENY, "a new socket family");
	cr_assert_eq(verdict(p, "ptrace", NULL), POLICY_DENY, "a new syscall");
	policy_free(p);
	free(text);
}

Test(policy_learn, generalise_paths)
{
	const char *paths[] = {"/a/b/c/1", "/a/b/d/2",	    "/a/b/e/3", "/x/y",
			       "/z",	   "/proc/12/stat", "/q/w[1]/f"};
	char **g;
	unsigned n = learn_generalise(paths, 7, &g);
	const char *want[] = {"/*", "/a/b/**", "/proc/*/*", "/q/w\\[1\\]/*", "/x/*"};

	cr_assert_eq(n, 5);
	for (unsigned i = 0; i < n; i++) {
		cr_assert_str_eq(g[i], want[i]);
		free(g[i]);
	}
	free(g);
}

/* exec= and a unix addr= are globs: a learned name with glob characters matches itself only. */
Test(policy_learn, glob_characters_in_programs_and_sockets_are_literal)
{
	struct policy_learn *l = policy_learn_new();
	struct strbuf sb = {0};
	struct policy *p = NULL;
	char err[256] = "";
	struct policy_input run = {
		.npaths = 1, .path = {"/opt/a[1]/b*"}, .access = R, .family = -1};
	struct policy_input sock = dest(AF_UNIX, "/run/s?ck\\", 0);

	policy_learn_add(l, "execve", &run);
	policy_learn_add(l, "connect", &sock);
	policy_learn_write(l, &sb, "test run", NULL);
	policy_learn_free(l);
	cr_assert_eq(policy_parse("learned", sb.buf, sb.len, &p, err, sizeof(err)), 0, "%s\n%s",
		     err, sb.buf);
	cr_expect_eq(verdict(p, "execve", &run), POLICY_ALLOW, "%s", sb.buf);
	cr_expect_eq(verdict(p, "connect", &sock), POLICY_ALLOW, "%s", sb.buf);
	struct policy_input other = run;
	other.path[0] = "/opt/a1/bX";
	cr_expect_eq(verdict(p, "execve", &other), POLICY_DENY, "%s", sb.buf);
	struct policy_input other_sock = dest(AF_UNIX, "/run/sock\\", 0);
	cr_expect_eq(verdict(p, "connect", &other_sock), POLICY_DENY, "%s", sb.buf);
	policy_free(p);
	strbuf_free(&sb);
}

/* A socket path relative to the caller's directory has no addr= spelling: its family does. */
Test(policy_learn, relative_unix_socket_is_learned_as_its_family)
{
	struct policy_learn *l = policy_learn_new();
	struct strbuf sb = {0};
	struct policy *p = NULL;
	char err[256] = "";
	struct policy_input sock = dest(AF_UNIX, "run/s", 0);

	policy_learn_add(l, "sendmsg", &sock);
	policy_learn_write(l, &sb, "test run", NULL);
	policy_learn_free(l);
	cr_assert_eq(policy_parse("learned", sb.buf, sb.len, &p, err, sizeof(err)), 0, "%s\n%s",
		     err, sb.buf);
	cr_expect_eq(verdict(p, "sendmsg", &sock), POLICY_ALLOW, "%s", sb.buf);
	policy_free(p);
	strbuf_free(&sb);
}

static bool allowed(const struct policy *p, const char *name, const struct policy_input *in)
{
	return verdict(p, name, in) == POLICY_ALLOW;
}

Test(policy_learn, random_names)
{
	static const struct {
		const char *name;
		size_t keep;
	} cases[] = {
		{"pymp-l4fqy9kw", 5},  {"listener-ts8aijna", 9},
		{"tmpa1b2c3d4", 3},    {"ptrc-it-dufgeI", 8},
		{"site-packages", 13}, {"x86_64-linux-gnu", 16},
		{"python3.11", 10},    {"gcc-12", 6},
		{"tmpfiles", 8},       {"build-abcdefg", 13},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		cr_expect_eq(learn_random_keep(cases[i].name, strlen(cases[i].name)), cases[i].keep,
			     "%s", cases[i].name);
	char *g = learn_path_glob("/tmp/pymp-l4fqy9kw/listener-ts8aijna");
	cr_expect_str_eq(g, "/tmp/pymp-*/listener-*");
	free(g);
}

/* Learned in one checkout, home and PATH; passes in another. */
Test(policy_learn, portable_across_checkouts_users_and_paths)
{
	const struct policy_vars at = {"/work/a", "/home/alice", "/tmp",
				       "/home/alice/bin:/usr/bin"};
	const struct policy_vars there = {"/srv/ci/b", "/home/bob", "/var/tmp",
					  "/usr/local/bin:/usr/bin"};
	struct policy_learn *l = policy_learn_new();
	struct policy_input in[] = {
		file("/work/a/src/main.c", R),	 file("/work/a/build/main.o", W),
		file("/home/alice/.cache/x", R), file("/tmp/pymp-ab12cd34/f", W),
		file("/home/alice/bin/cc", R),	 file("/usr/bin/cc", R),
		file("/usr/bin/cc", R),
	};
	const char *names[] = {"openat",     "openat", "openat", "openat",
			       "newfstatat", "access", "execve"};
	struct strbuf sb = {0};
	struct policy *p = NULL;
	char err[512];

	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		policy_learn_add(l, names[i], &in[i]);
	policy_learn_write(l, &sb, NULL, &at);
	policy_learn_free(l);
	cr_assert(strstr(sb.buf, "${CWD}/src/*") && strstr(sb.buf, "${HOME}/.cache/*") &&
			  strstr(sb.buf, "${TMPDIR}/pymp-*/*") && strstr(sb.buf, "exec=${PATH}/cc"),
		  "%s", sb.buf);
	cr_assert_null(strstr(sb.buf, "alice"), "%s", sb.buf);
	cr_assert_eq(policy_parse_vars("l", sb.buf, sb.len, &there, &p, err, sizeof(err)), 0, "%s",
		     err);
	struct policy_input src = file("/srv/ci/b/src/main.c", R),
			    o = file("/srv/ci/b/build/x.o", W),
			    tmp = file("/var/tmp/pymp-zz99yy88/f", W),
			    cc = file("/usr/local/bin/cc", R), old = file("/work/a/src/main.c", R),
			    gone = file("/home/alice/bin/cc", R);
	cr_expect(allowed(p, "openat", &src));
	cr_expect(allowed(p, "openat", &o));
	cr_expect(allowed(p, "openat", &tmp), "another random name, another TMPDIR");
	cr_expect(allowed(p, "newfstatat", &cc), "a lookup in this PATH");
	cr_expect(allowed(p, "execve", &cc));
	cr_expect_not(allowed(p, "openat", &old), "the old checkout is not the checkout");
	cr_expect_not(allowed(p, "newfstatat", &gone), "a directory of the old PATH only");
	policy_free(p);
	strbuf_free(&sb);
}

Test(policy_learn, learning_onto_a_policy_is_a_union)
{
	const char *old = "default deny\nallow read write\nallow openat path=/etc/**\n";
	const char *learned = "# header\ndefault deny\nallow read write\nallow close\n"
			      "allow openat path=/etc/**\nallow openat path=/usr/**\n";
	struct strbuf sb = {0};
	struct policy *p = NULL;
	char err[256];

	cr_expect_eq(policy_learn_merge(old, learned, &sb), 2);
	cr_expect_str_eq(sb.buf, "default deny\nallow read write\nallow openat path=/etc/**\n"
				 "\n# Added by ptrc --learn: what another run needed\n"
				 "allow close\nallow openat path=/usr/**\n");
	cr_assert_eq(policy_parse("m", sb.buf, sb.len, &p, err, sizeof(err)), 0, "%s", err);
	policy_free(p);
	strbuf_reset(&sb);
	cr_expect_eq(policy_learn_merge(old, "allow read write\n", &sb), 0);
	strbuf_free(&sb);
}

/* A call seen only on a descriptor (fstat's newfstatat(fd, "", AT_EMPTY_PATH)) needs a rule
 * naming it: its path rules when it has some, else it is allowed as a whole. */
Test(policy_learn, descriptor_calls)
{
	struct policy_input fd = {.npaths = 1, .path = {""}, .fd_only = true, .family = -1};
	struct policy_input p = file("/etc/hosts", R);
	struct strbuf sb = {0};

	struct policy_learn *l = policy_learn_new();
	policy_learn_add(l, "newfstatat", &fd);
	policy_learn_add(l, "newfstatat", &p);
	policy_learn_write(l, &sb, NULL, NULL);
	policy_learn_free(l);
	cr_expect(strstr(sb.buf, "allow newfstatat path=/etc/*"), "%s", sb.buf);
	cr_expect_null(strstr(sb.buf, "allowed as a whole"), "%s", sb.buf);
	cr_expect_null(strstr(sb.buf, "allow newfstatat\n"), "%s", sb.buf);
	strbuf_reset(&sb);
	l = policy_learn_new();
	policy_learn_add(l, "newfstatat", &fd);
	policy_learn_write(l, &sb, NULL, NULL);
	policy_learn_free(l);
	cr_expect(strstr(sb.buf, "allow newfstatat\n"), "alone, as a whole:\n%s", sb.buf);
	strbuf_free(&sb);
}
