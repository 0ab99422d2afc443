/* The policy parser: good files, and one test per error message. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "policy/internal.h"

static struct policy *parse_ok(const char *text)
{
	struct policy *p = NULL;
	char err[256] = "";
	int rc = policy_parse("t.policy", text, strlen(text), &p, err, sizeof(err));
	cr_assert_eq(rc, 0, "parse failed: %s", err);
	return p;
}

static void parse_err(const char *text, const char *expect)
{
	struct policy *p = NULL;
	char err[256] = "";
	int rc = policy_parse("t.policy", text, strlen(text), &p, err, sizeof(err));
	cr_assert_eq(rc, -EINVAL, "parsed: %s", text);
	cr_assert_null(p);
	cr_assert_str_eq(err, expect);
}

static bool has_name(const struct policy_rule *r, const char *n)
{
	for (unsigned i = 0; i < r->nnames; i++)
		if (!strcmp(r->names[i], n))
			return true;
	return false;
}

Test(policy_parse, good_file)
{
	struct policy *p = parse_ok("# a CI policy\n"
				    "default deny\n"
				    "\n"
				    "allow read write,close   # trailing comment\n"
				    "allow @memory @basic-io\n"
				    "allow openat open access=read path=/usr/**,\"/with space/*\"\n"
				    "deny  unlink path=/etc/**\n"
				    "allow connect family=inet,AF_INET6 "
				    "addr=10.0.0.0/8,::1,/run/*.sock,@abs,none port=443,8000-8100\n"
				    "allow execve exec=/usr/bin/* exe=/usr/bin/make\n"
				    "allow socket family=unix\n");
	cr_assert_eq(p->dflt, POLICY_DENY);
	cr_assert_eq(p->nrules, 7);
	const struct policy_rule *r = &p->rules[0];
	cr_assert_eq(r->action, POLICY_ALLOW);
	cr_assert_eq(r->line, 4);
	cr_assert_str_eq(r->text, "allow read write,close");
	cr_assert_eq(r->nnames, 3);
	cr_assert_str_eq(r->names[0], "close"); /* sorted */
	cr_assert(has_name(&p->rules[1], "mmap") && has_name(&p->rules[1], "pread64"));
	r = &p->rules[2];
	cr_assert_eq(r->cond[PK_ACCESS].ints[0], POLICY_ACCESS_READ);
	cr_assert_eq(r->cond[PK_PATH].n, 2);
	cr_assert_str_eq(r->cond[PK_PATH].globs[1], "/with space/*");
	cr_assert_eq(p->rules[3].action, POLICY_DENY);
	r = &p->rules[4];
	cr_assert_eq(r->cond[PK_FAMILY].ints[1], AF_INET6);
	cr_assert_eq(r->cond[PK_ADDR].n, 5);
	cr_assert_eq(r->cond[PK_ADDR].nets[0].prefix, 8);
	cr_assert_eq(r->cond[PK_ADDR].nets[1].family, AF_INET6);
	cr_assert_eq(r->cond[PK_ADDR].nets[2].family, AF_UNIX);
	cr_assert_str_eq(r->cond[PK_ADDR].nets[3].glob, "@abs");
	cr_assert_eq(r->cond[PK_ADDR].nets[4].family, AF_UNSPEC);
	cr_assert_eq(r->cond[PK_PORT].ports[1].lo, 8000);
	cr_assert_eq(r->cond[PK_PORT].ports[1].hi, 8100);
	cr_assert_str_eq(p->rules[5].cond[PK_EXE].globs[0], "/usr/bin/make");
	policy_free(p);
}

Test(policy_parse, default_allow_star_and_escapes)
{
	struct policy *p = parse_ok("default allow\r\nallow * exe=/bin/true\n"
				    "allow open path=\"/a\\\"b\\\\*\"\n");
	cr_assert_eq(p->dflt, POLICY_ALLOW);
	cr_assert_gt(p->rules[0].nnames, 300);
	cr_assert_str_eq(p->rules[1].cond[PK_PATH].globs[0], "/a\"b\\*");
	policy_free(p);
}

Test(policy_parse, load_file)
{
	char path[] = "/tmp/ptrc-policy-XXXXXX";
	int fd = mkstemp(path);
	struct policy *p = NULL;
	char err[256];

	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "allow read\n", 11), 11);
	close(fd);
	cr_assert_eq(policy_load(path, NULL, &p, err, sizeof(err)), 0);
	cr_assert_eq(p->nrules, 1);
	policy_free(p);
	unlink(path);
	cr_assert_eq(policy_load(path, NULL, &p, err, sizeof(err)), -ENOENT);
	cr_assert(strstr(err, "No such file"));
}

Test(policy_parse, err_keyword)
{
	parse_err("\nallow read\n  permit read\n",
		  "t.policy:3:3: expected 'allow', 'deny' or 'default', not 'permit'");
}

Test(policy_parse, err_unknown_syscall)
{
	parse_err("allow read frobnicate\n", "t.policy:1:12: unknown syscall 'frobnicate'");
}

Test(policy_parse, err_unknown_group)
{
	parse_err("allow @nope\n", "t.policy:1:7: unknown group '@nope'");
}

Test(policy_parse, err_no_syscall)
{
	parse_err("allow path=/x\n", "t.policy:1:7: rule names no syscall");
	parse_err("deny\n", "t.policy:1:1: rule names no syscall");
}

Test(policy_parse, err_unknown_condition)
{
	parse_err("allow open colour=red\n", "t.policy:1:12: unknown condition 'colour'");
}

Test(policy_parse, err_condition_does_not_apply)
{
	parse_err("allow read path=/x\n",
		  "t.policy:1:12: condition 'path' does not apply to 'read'");
}

Test(policy_parse, err_condition_applies_to_none)
{
	parse_err("allow @memory path=/x\n",
		  "t.policy:1:15: condition 'path' applies to none of the rule's syscalls");
}

Test(policy_parse, err_empty_value)
{
	parse_err("allow open path=/a,,/b\n", "t.policy:1:20: empty value for 'path'");
	parse_err("allow open path=\n", "t.policy:1:17: empty value for 'path'");
	parse_err("allow read,,write\n", "t.policy:1:12: empty name");
}

Test(policy_parse, err_unterminated_quote)
{
	parse_err("allow open path=\"/a b\n", "t.policy:1:17: unterminated quote");
}

Test(policy_parse, err_missing_key)
{
	parse_err("allow open =/a\n", "t.policy:1:12: missing condition name before '='");
}

Test(policy_parse, err_relative_glob)
{
	parse_err("allow open path=usr/*\n", "t.policy:1:17: 'usr/*' is not an absolute path glob");
}

Test(policy_parse, err_address)
{
	parse_err("allow connect addr=10.0.0.0/33\n",
		  "t.policy:1:20: invalid address '10.0.0.0/33' (an IP address, a CIDR, a unix "
		  "path or none)");
	parse_err("allow connect addr=example.com\n",
		  "t.policy:1:20: invalid address 'example.com' (an IP address, a CIDR, a unix "
		  "path or none)");
}

Test(policy_parse, err_port)
{
	parse_err("allow connect port=80,99999\n",
		  "t.policy:1:23: invalid port '99999' (N or N-M, 0 to 65535)");
	parse_err("allow bind port=9-1\n",
		  "t.policy:1:17: invalid port '9-1' (N or N-M, 0 to 65535)");
}

Test(policy_parse, err_family)
{
	parse_err("allow socket family=carrier-pigeon\n",
		  "t.policy:1:21: unknown socket family 'carrier-pigeon'");
}

Test(policy_parse, err_access)
{
	parse_err("allow open access=rw\n", "t.policy:1:19: invalid access 'rw' (read or write)");
}

Test(policy_parse, err_default)
{
	parse_err("default maybe\n", "t.policy:1:9: expected 'allow' or 'deny' after 'default'");
	parse_err("default\n", "t.policy:1:1: expected 'allow' or 'deny' after 'default'");
	parse_err("default deny\ndefault allow\n", "t.policy:2:1: default given twice");
}

Test(policy_parse, err_duplicate_condition)
{
	parse_err("allow open path=/a path=/b\n", "t.policy:1:20: duplicate condition 'path'");
}

Test(policy_parse, err_name_after_condition)
{
	parse_err("allow open path=/a close\n",
		  "t.policy:1:20: syscall name 'close' after a condition");
}

Test(policy_parse, err_nul_byte)
{
	struct policy *p = NULL;
	char err[256];
	cr_assert_eq(policy_parse("t.policy", "allow read\0\n", 12, &p, err, sizeof(err)), -EINVAL);
	cr_assert_str_eq(err, "t.policy:1:1: NUL byte in the policy");
}

/* Every example policy shipped in examples/policies parses. */
Test(policy_parse, examples_parse)
{
	char dir[512], path[1024], err[1024];
	const struct policy_vars vars = {"/work/checkout", "/home/u", "/tmp",
					 "/usr/local/bin:/usr/bin"};
	unsigned n = 0;
	struct dirent *de;

	snprintf(dir, sizeof(dir), "%s", __FILE__);
	char *cut = strstr(dir, "/tests/unit/");
	cr_assert_not_null(cut);
	strcpy(cut, "/examples/policies");
	DIR *d = opendir(dir);
	cr_assert(d, "%s", dir);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len < 7 || strcmp(de->d_name + len - 7, ".policy"))
			continue;
		struct policy *p = NULL;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		cr_assert_eq(policy_load(path, &vars, &p, err, sizeof(err)), 0, "%s", err);
		cr_assert_gt(p->nrules, 0);
		policy_free(p);
		n++;
	}
	closedir(d);
	cr_assert_geq(n, 6, "the six examples at least");
}

/* ${CWD}, ${HOME}, ${TMPDIR}: their values, glob characters in them taken literally. */
Test(policy_parse, variables)
{
	const struct policy_vars vars = {"/work/ck*out", "/home/u", "/tmp", NULL};
	struct policy *p = NULL;
	char err[512];
	const char *text = "allow openat path=${CWD}/**,${HOME}/.cache/**,${TMPDIR}/x\n";

	cr_assert_eq(policy_parse_vars("t.policy", text, strlen(text), &vars, &p, err, sizeof(err)),
		     0, "%s", err);
	const struct policy_cond *c = &p->rules[0].cond[PK_PATH];
	cr_assert_str_eq(c->globs[0], "/work/ck\\*out/**");
	cr_assert_str_eq(c->globs[1], "/home/u/.cache/**");
	cr_assert_str_eq(c->globs[2], "/tmp/x");
	cr_assert(policy_glob_match(c->globs[0], "/work/ck*out/src/a.c"));
	cr_assert_not(policy_glob_match(c->globs[0], "/work/ckXout/src/a.c"), "'*' is literal");
	policy_free(p);
	parse_err("allow openat path=${USER}/x\n",
		  "t.policy:1:19: unknown variable '${USER}' (CWD, HOME, TMPDIR, PATH)");
}

Test(policy_parse, every_error_is_reported)
{
	struct policy *p = NULL;
	char err[512];
	const char *text = "allow frobnicate\nallow read\nallow openat path=rel\n";

	cr_assert_eq(policy_parse("t.policy", text, strlen(text), &p, err, sizeof(err)), -EINVAL);
	cr_assert_null(p);
	cr_assert_str_eq(err, "t.policy:1:7: unknown syscall 'frobnicate'\n"
			      "t.policy:3:19: 'rel' is not an absolute path glob");
}

/* io_uring under path or network conditions: only by name (policy.h). */
Test(policy_parse, io_uring_needs_its_name_under_conditions)
{
	struct policy *p = parse_ok("allow @aio\nallow openat path=/tmp/**\n");
	cr_expect_not(has_name(&p->rules[0], "io_uring_setup"), "taken out of @aio");
	cr_expect(has_name(&p->rules[0], "io_uring_enter"));
	cr_expect_eq(p->uring_dropped, 1);
	cr_expect_eq(p->uring_named, 0);
	policy_free(p);
	p = parse_ok("allow @aio io_uring_setup\nallow openat path=/tmp/**\n");
	cr_expect(has_name(&p->rules[0], "io_uring_setup"));
	cr_expect_eq(p->uring_named, 1);
	policy_free(p);
	p = parse_ok("default allow\ndeny openat path=/etc/shadow\n");
	cr_assert_eq(p->nrules, 2, "a deny rule of line 0 is added");
	cr_expect_eq(p->rules[1].line, 0);
	cr_expect(has_name(&p->rules[1], "io_uring_setup"));
	policy_free(p);
	p = parse_ok("allow @aio\n");
	cr_expect(has_name(&p->rules[0], "io_uring_setup"), "no conditions: nothing to go round");
	policy_free(p);
}

/* A deny rule with conditions covers only its calls that have them: not close(). */
Test(policy_parse, deny_rule_covers_only_calls_with_its_arguments)
{
	struct policy *p = parse_ok("deny @file-system path=/secret/**\nallow *\n");
	cr_expect(has_name(&p->rules[0], "openat"));
	cr_expect_not(has_name(&p->rules[0], "close"), "close has no path");
	cr_expect_not(has_name(&p->rules[0], "fstat"));
	struct policy_verdict v;
	struct policy_input in = {.family = -1};
	policy_check_name(p, "close", &in, &v);
	cr_expect_eq(v.action, POLICY_ALLOW);
	policy_free(p);
	p = parse_ok("allow @file-system path=/tmp/**\n");
	cr_expect(has_name(&p->rules[0], "fstat"), "an allow rule keeps its descriptor calls");
	policy_free(p);
	parse_err("deny @network-io @file-system path=/x port=80\n",
		  "t.policy:1:31: the conditions apply together to none of the rule's syscalls");
}
